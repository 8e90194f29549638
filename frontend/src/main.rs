//! The share bundle (Trunk's main wasm): the create form and its "link is
//! ready" page. A development build (`trunk serve`, the only bundle it
//! builds) carries every page instead; see [`sdo_frontend::bundle`].

fn main() {
    #[cfg(not(debug_assertions))]
    sdo_frontend::app::start::<sdo_frontend::bundle::Share>();
    #[cfg(debug_assertions)]
    sdo_frontend::app::start::<sdo_frontend::bundle::All>();
}
