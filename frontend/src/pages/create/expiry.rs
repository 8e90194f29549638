//! How long a secret lives: presets, or a custom amount, within what the
//! server allows.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::config::Limits;
use crate::i18n::{I18n, format, s};

/// The presets, in seconds, where the server allows them.
pub const PRESETS: [u64; 4] = [300, 3_600, 86_400, 604_800];
/// The preferred default: one day.
const DEFAULT_SECS: u64 = 86_400;
pub const UNITS: [(u64, &str); 3] = [
    (60, "unit-minutes"),
    (3_600, "unit-hours"),
    (86_400, "unit-days"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expiry {
    Preset(u64),
    Custom { amount: String, unit: u64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpiryError {
    NotANumber,
    OutOfRange,
}

impl Expiry {
    /// One day, or the longest preset the server allows under it.
    pub fn default_for(limits: &Limits) -> Self {
        match presets(limits).into_iter().rfind(|&p| p <= DEFAULT_SECS) {
            Some(secs) => Expiry::Preset(secs),
            None => Expiry::Custom {
                amount: (limits.max_ttl_secs / 60).max(1).to_string(),
                unit: 60,
            },
        }
    }

    /// The lifetime in seconds, or why it cannot be used here.
    pub fn seconds(&self, limits: &Limits) -> Result<u64, ExpiryError> {
        let secs = match self {
            Expiry::Preset(s) => *s,
            Expiry::Custom { amount, unit } => {
                let n: u64 = amount.trim().parse().map_err(|_| ExpiryError::NotANumber)?;
                n.saturating_mul(*unit)
            }
        };
        if !(limits.min_ttl_secs..=limits.max_ttl_secs).contains(&secs) {
            return Err(ExpiryError::OutOfRange);
        }
        Ok(secs)
    }
}

impl ExpiryError {
    pub fn message(self, i18n: &I18n, limits: &Limits) -> String {
        match self {
            ExpiryError::NotANumber => i18n.t("expiry-not-number"),
            ExpiryError::OutOfRange => range(i18n, limits, "expiry-out-of-range"),
        }
    }
}

fn presets(limits: &Limits) -> Vec<u64> {
    PRESETS
        .into_iter()
        .filter(|p| (limits.min_ttl_secs..=limits.max_ttl_secs).contains(p))
        .collect()
}

fn range(i18n: &I18n, limits: &Limits, id: &str) -> String {
    i18n.tf(
        id,
        [
            ("min", s(format::duration(i18n, limits.min_ttl_secs))),
            ("max", s(format::duration(i18n, limits.max_ttl_secs))),
        ],
    )
}

#[derive(Debug)]
pub struct ExpiryPickerProps {
    pub value: Expiry,
    pub limits: Limits,
    pub onchange: Callback<Expiry>,
    pub error: Option<String>,
}

/// A function, not a component: it keeps no state of its own (the form
/// does), and each Yew component costs kilobytes of wasm.
pub fn expiry_picker(i18n: &I18n, props: ExpiryPickerProps) -> Html {
    let custom = matches!(props.value, Expiry::Custom { .. });
    let on_preset = {
        let cb = props.onchange.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                cb.emit(match select.value().parse() {
                    Ok(secs) => Expiry::Preset(secs),
                    Err(_) => Expiry::Custom {
                        amount: "1".into(),
                        unit: 3_600,
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
    let error_id = props.error.as_ref().map(|_| "expiry-error");
    let described_by = [custom.then_some("expiry-hint"), error_id]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    html! {
        <div class="field">
            <label for="expiry">{ i18n.t("expiry-label") }</label>
            <select id="expiry" onchange={on_preset}
                    aria-describedby={(!custom).then_some(error_id).flatten()}>
                { for presets(&props.limits).into_iter().map(|secs| html! {
                    <option value={secs.to_string()} selected={selected == secs.to_string()}>
                        { format::duration(i18n, secs) }
                    </option>
                }) }
                <option value="custom" selected={custom}>{ i18n.t("expiry-custom") }</option>
            </select>
            if custom {
                <div class="input-row custom-expiry">
                    <label for="expiry-amount" class="visually-hidden">{ i18n.t("expiry-amount-label") }</label>
                    <input id="expiry-amount" type="number" min="1" step="1" inputmode="numeric"
                           value={amount} oninput={on_amount}
                           aria-invalid={props.error.is_some().then_some("true")}
                           aria-describedby={described_by} />
                    <label for="expiry-unit" class="visually-hidden">{ i18n.t("expiry-unit-label") }</label>
                    <select id="expiry-unit" onchange={on_unit}>
                        { for UNITS.iter().map(|(size, label)| html! {
                            <option value={size.to_string()} selected={unit == *size}>{ i18n.t(label) }</option>
                        }) }
                    </select>
                </div>
                <p class="hint" id="expiry-hint">{ range(i18n, &props.limits, "expiry-range") }</p>
            }
            if let Some(error) = props.error {
                <p class="field-error" id="expiry-error">{ error }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn limits_come_from_the_server() {
        let limits = Limits::default();
        assert_eq!(Expiry::default_for(&limits), Expiry::Preset(86_400));
        assert_eq!(Expiry::default_for(&limits).seconds(&limits), Ok(86_400));
        let custom = |amount: &str, unit| Expiry::Custom {
            amount: amount.into(),
            unit,
        };
        assert_eq!(custom("90", 60).seconds(&limits), Ok(5_400));
        assert_eq!(custom("7", 86_400).seconds(&limits), Ok(604_800));
        assert_eq!(
            custom("8", 86_400).seconds(&limits),
            Err(ExpiryError::OutOfRange)
        );
        assert_eq!(
            custom("0", 60).seconds(&limits),
            Err(ExpiryError::OutOfRange)
        );
        assert_eq!(
            custom("abc", 60).seconds(&limits),
            Err(ExpiryError::NotANumber)
        );
        assert!(custom("99999999999999999999", 60).seconds(&limits).is_err());

        // A server that keeps secrets for at most two hours.
        let short = Limits {
            max_ttl_secs: 7_200,
            ..Limits::default()
        };
        assert_eq!(presets(&short), vec![300, 3_600]);
        assert_eq!(Expiry::default_for(&short), Expiry::Preset(3_600));
        assert_eq!(
            Expiry::Preset(86_400).seconds(&short),
            Err(ExpiryError::OutOfRange)
        );
        let tiny = Limits {
            max_ttl_secs: 120,
            ..Limits::default()
        };
        assert_eq!(Expiry::default_for(&tiny).seconds(&tiny), Ok(120));
    }
}
