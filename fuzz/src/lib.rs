//! What the fuzz targets share: the real router over SQLite ([`server`])
//! and JSON shaped like the API's bodies ([`json`]). Test code: it panics
//! on a broken setup, and it never holds a real secret or key.

pub mod json;
pub mod server;
