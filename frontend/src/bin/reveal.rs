//! The reveal bundle: the page a share link opens (see
//! [`sdo_frontend::bundle`]).

fn main() {
    sdo_frontend::app::start::<sdo_frontend::bundle::Reveal>();
}
