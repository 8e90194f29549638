//! Trunk's main wasm. With the `bundles` feature (`scripts/frontend.sh
//! build`) it is the share bundle: the create form and its "link is ready"
//! page. Without it (`trunk serve`, a plain `trunk build`, the only bundle
//! those make) it carries every page. See [`sdo_frontend::bundle`].

fn main() {
    #[cfg(feature = "bundles")]
    sdo_frontend::app::start::<sdo_frontend::bundle::Share>();
    #[cfg(not(feature = "bundles"))]
    sdo_frontend::app::start::<sdo_frontend::bundle::All>();
}
