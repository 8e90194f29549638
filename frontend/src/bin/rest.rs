//! The rest bundle: receipts and the request pages (see
//! [`sdo_frontend::bundle`]).

fn main() {
    sdo_frontend::app::start::<sdo_frontend::bundle::Rest>();
}
