//! How long a secret lives: presets, or a custom amount within the limits.

use sdo_shared::api::{DEFAULT_MAX_TTL_SECS, MIN_TTL_SECS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::humanize;

/// The presets offered, in seconds; the default is one day.
pub const PRESETS: [(u64, &str); 4] = [
    (300, "5 minutes"),
    (3_600, "1 hour"),
    (86_400, "1 day"),
    (604_800, "7 days"),
];
pub const UNITS: [(u64, &str); 3] = [(60, "minutes"), (3_600, "hours"), (86_400, "days")];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expiry {
    Preset(u64),
    Custom { amount: String, unit: u64 },
}

impl Default for Expiry {
    fn default() -> Self {
        Expiry::Preset(86_400)
    }
}

impl Expiry {
    /// The lifetime in seconds, or why it cannot be used.
    pub fn seconds(&self) -> Result<u64, String> {
        let secs = match self {
            Expiry::Preset(s) => *s,
            Expiry::Custom { amount, unit } => {
                let n: u64 = amount
                    .trim()
                    .parse()
                    .map_err(|_| "Enter a whole number for the custom expiry.".to_owned())?;
                n.saturating_mul(*unit)
            }
        };
        if !(MIN_TTL_SECS..=DEFAULT_MAX_TTL_SECS).contains(&secs) {
            return Err(format!(
                "The expiry must be between {} and {}.",
                humanize::duration(MIN_TTL_SECS),
                humanize::duration(DEFAULT_MAX_TTL_SECS)
            ));
        }
        Ok(secs)
    }
}

#[derive(Debug, Properties, PartialEq)]
pub struct ExpiryPickerProps {
    pub value: Expiry,
    pub onchange: Callback<Expiry>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

#[function_component(ExpiryPicker)]
pub fn expiry_picker(props: &ExpiryPickerProps) -> Html {
    let custom = matches!(props.value, Expiry::Custom { .. });
    let on_preset = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                cb.emit(match select.value().parse() {
                    Ok(secs) => Expiry::Preset(secs),
                    Err(_) => Expiry::Custom {
                        amount: "2".into(),
                        unit: 86_400,
                    },
                });
            }
        })
    };
    let (amount, unit) = match &props.value {
        Expiry::Custom { amount, unit } => (amount.clone(), *unit),
        Expiry::Preset(_) => (String::new(), 86_400),
    };
    let on_amount = {
        let cb = props.onchange.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                cb.emit(Expiry::Custom {
                    amount: input.value(),
                    unit,
                });
            }
        })
    };
    let on_unit = {
        let cb = props.onchange.clone();
        let amount = amount.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                cb.emit(Expiry::Custom {
                    amount: amount.clone(),
                    unit: select.value().parse().unwrap_or(86_400),
                });
            }
        })
    };
    let selected = match &props.value {
        Expiry::Preset(s) => s.to_string(),
        Expiry::Custom { .. } => "custom".into(),
    };
    html! {
        <div class="field">
            <label for="expiry">{ "Expires after" }</label>
            <select id="expiry" onchange={on_preset}>
                { for PRESETS.iter().map(|(secs, label)| html! {
                    <option value={secs.to_string()} selected={selected == secs.to_string()}>
                        { *label }
                    </option>
                }) }
                <option value="custom" selected={custom}>{ "Custom…" }</option>
            </select>
            if custom {
                <div class="input-row custom-expiry">
                    <label for="expiry-amount" class="visually-hidden">{ "Custom expiry amount" }</label>
                    <input id="expiry-amount" type="number" min="1" step="1" inputmode="numeric"
                           value={amount} oninput={on_amount}
                           aria-invalid={props.error.is_some().then_some("true")}
                           aria-describedby="expiry-hint" />
                    <label for="expiry-unit" class="visually-hidden">{ "Custom expiry unit" }</label>
                    <select id="expiry-unit" onchange={on_unit}>
                        { for UNITS.iter().map(|(size, label)| html! {
                            <option value={size.to_string()} selected={unit == *size}>{ *label }</option>
                        }) }
                    </select>
                </div>
                <p class="hint" id="expiry-hint">
                    { format!("Between {} and {}.", humanize::duration(MIN_TTL_SECS), humanize::duration(DEFAULT_MAX_TTL_SECS)) }
                </p>
            }
            if let Some(error) = &props.error {
                <p class="field-error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn limits() {
        assert_eq!(Expiry::default().seconds(), Ok(86_400));
        let custom = |amount: &str, unit| Expiry::Custom {
            amount: amount.into(),
            unit,
        };
        assert_eq!(custom("90", 60).seconds(), Ok(5_400));
        assert_eq!(custom("7", 86_400).seconds(), Ok(604_800));
        assert!(custom("8", 86_400).seconds().is_err());
        assert!(custom("0", 60).seconds().is_err());
        assert!(custom("abc", 60).seconds().is_err());
        assert!(custom("99999999999999999999", 60).seconds().is_err());
    }
}
