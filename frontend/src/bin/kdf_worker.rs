//! The Web Worker that derives keys with Argon2id off the page's thread
//! (Trunk builds it with `data-type="worker"`; the app spawns it only when a
//! passphrase is involved).

use gloo_worker::Registrable;
use sdo_frontend::worker::KdfWorker;

fn main() {
    KdfWorker::registrar().register();
}
