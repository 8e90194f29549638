//! One module per page of the app.

pub mod create;
pub mod created;
pub mod inbox;
pub mod link_problem;
pub mod receipt;
pub mod request;
pub mod respond;
pub mod reveal;

pub use create::CreatePage;
pub use created::{Created, CreatedView};
pub use inbox::InboxPage;
pub use link_problem::{LinkProblem, link_problem_page};
pub use receipt::ReceiptPage;
pub use request::NewRequestPage;
pub use respond::RespondPage;
pub use reveal::RevealPage;
