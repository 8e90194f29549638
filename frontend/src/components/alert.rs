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

#[derive(Debug, Properties, PartialEq)]
pub struct AlertProps {
    pub kind: AlertKind,
    #[prop_or_default]
    pub title: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

#[function_component(Alert)]
pub fn alert(props: &AlertProps) -> Html {
    let (class, role, icon) = match props.kind {
        AlertKind::Info => ("alert info", "status", "i"),
        AlertKind::Success => ("alert success", "status", "✓"),
        AlertKind::Warning => ("alert warning", "status", "!"),
        AlertKind::Error => ("alert error", "alert", "!"),
    };
    html! {
        <div class={class} role={role} id={props.id.clone()}>
            <span class="alert-icon" aria-hidden="true">{ icon }</span>
            <div class="alert-body">
                if let Some(title) = &props.title {
                    <p class="alert-title">{ title.clone() }</p>
                }
                { props.children.clone() }
            </div>
        </div>
    }
}
