//! The opt-in list of receipt links this browser remembers (see
//! [`crate::recent`]), under the create form, with one button to forget
//! them all.

use yew::prelude::*;

use crate::components::announce;
use crate::i18n::{format, s, use_i18n};
use crate::recent;

#[function_component(RecentList)]
pub fn recent_list() -> Html {
    let i18n = use_i18n();
    let entries = use_state(|| recent::list(format::now_unix()));
    if entries.is_empty() {
        return html! {};
    }
    let clear = {
        let (entries, done) = (entries.clone(), i18n.t("recent-cleared"));
        Callback::from(move |_: MouseEvent| {
            recent::clear();
            entries.set(Vec::new());
            announce(&done);
        })
    };
    html! {
        <section class="card recent" aria-labelledby="recent-title">
            <h2 id="recent-title">{ i18n.t("recent-title") }</h2>
            <ul class="recent-list">
                { for entries.iter().map(|e| html! {
                    <li>
                        <a href={e.receipt_url.clone()}>
                            { i18n.tf("recent-item", [("date", s(format::date_time(&i18n, e.created_at)))]) }
                        </a>
                    </li>
                }) }
            </ul>
            <button type="button" class="btn btn-secondary" id="recent-clear" onclick={clear}>
                { i18n.t("recent-clear") }
            </button>
        </section>
    }
}
