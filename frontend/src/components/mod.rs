//! Reusable pieces of the pages.

pub mod alert;
pub mod announcer;
pub mod busy;
pub mod copy_button;
pub mod ending;
pub mod focus;
pub mod heading;
pub mod home_tabs;
pub mod language_picker;
pub mod leave_guard;
pub mod link_field;
pub mod notify;
pub mod passphrase_input;
pub mod qr;

pub use alert::{AlertKind, alert};
pub use announcer::{ANNOUNCER_ID, announce};
pub use busy::Busy;
pub use copy_button::CopyButton;
pub use ending::{Ending, ending};
pub use focus::focus_soon;
pub use heading::PageHeading;
pub use home_tabs::{HomeTab, home_tabs};
pub use language_picker::language_picker;
pub use leave_guard::{confirm_leave, use_leave_guard};
pub use link_field::{LinkFieldProps, link_field};
pub use notify::{NotifyToggle, notify};
pub use passphrase_input::PassphraseInput;
pub use qr::QrCode;
