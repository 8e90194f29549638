//! Reusable pieces of the pages.

pub mod alert;
pub mod busy;
pub mod copy_button;
pub mod link_field;
pub mod passphrase_input;
pub mod qr;

pub use alert::{Alert, AlertKind};
pub use busy::Busy;
pub use copy_button::CopyButton;
pub use link_field::LinkField;
pub use passphrase_input::PassphraseInput;
pub use qr::QrCode;
