//! One module per page of the app.

pub mod create;
pub mod created;
pub mod link_problem;
pub mod receipt;
pub mod reveal;

pub use create::CreatePage;
pub use created::{Created, CreatedView};
pub use link_problem::{LinkProblem, link_problem_page};
pub use receipt::ReceiptPage;
pub use reveal::RevealPage;
