//! A message box: errors are announced at once (`role="alert"`), the rest
//! politely (`role="status"`).

use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    Info,
    Success,
    Warning,
    Error,
}

/// A plain function rather than a component: it has no state, and each
/// Yew component costs kilobytes of wasm.
pub fn alert(kind: AlertKind, title: Option<String>, id: Option<&'static str>, body: Html) -> Html {
    let (class, role, icon) = match kind {
        AlertKind::Info => ("alert info", "status", "i"),
        AlertKind::Success => ("alert success", "status", "✓"),
        AlertKind::Warning => ("alert warning", "status", "!"),
        AlertKind::Error => ("alert error", "alert", "!"),
    };
    html! {
        <div class={class} role={role} id={id}>
            <span class="alert-icon" aria-hidden="true">{ icon }</span>
            <div class="alert-body">
                if let Some(title) = title {
                    <p class="alert-title">{ title }</p>
                }
                { body }
            </div>
        </div>
    }
}
