//! A QR code of a link, drawn here (the `qrcode` crate's SVG) and shown as
//! a `data:` image: no network, no inline markup from outside.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use qrcode::render::svg;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrCodeProps {
    pub data: AttrValue,
    /// Alternative text.
    pub alt: AttrValue,
}

redacted_debug!(QrCodeProps);

/// The SVG document for `data`, or `None` if it is too long for a QR code.
pub fn svg_for(data: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(232, 232)
            .quiet_zone(true)
            .dark_color(svg::Color("#111111"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[function_component(QrCode)]
pub fn qr_code(props: &QrCodeProps) -> Html {
    let src = use_memo(props.data.clone(), |data| {
        svg_for(data).map(|svg| format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)))
    });
    match &*src {
        Some(src) => html! {
            <img class="qr" src={src.clone()} alt={props.alt.clone()} width="232" height="232" />
        },
        None => html! {},
    }
}
