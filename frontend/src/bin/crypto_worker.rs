//! The Web Worker that runs Argon2id and the X25519 of secret requests off
//! the page's thread (Trunk builds it with `data-type="worker"`; the app
//! spawns it only when a passphrase or a request needs it).

use gloo_worker::Registrable;
use sdo_frontend::worker::{CryptoWorker, Postcard};

fn main() {
    CryptoWorker::registrar().encoding::<Postcard>().register();
}
