//! Files dropped anywhere on the create page, or pasted (Ctrl+V of a
//! copied file or image). The app shell already stops the browser from
//! opening a dropped file in place of the app; this adds the files to the
//! form instead.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, File, FileList};
use yew::prelude::*;

use super::file_picker::{self, PickedFile};
use crate::components::announce;
use crate::i18n::{I18n, format, n, s};

/// Reads what was dropped or pasted as the one file to send, and announces
/// it; `Err` is the sentence to show by the file field.
pub async fn pick(i18n: &I18n, files: Vec<File>, max_padded: usize) -> Result<PickedFile, String> {
    if files.len() > 1 {
        return Err(i18n.tf("file-only-one", [("count", n(files.len() as u32))]));
    }
    let Some(dropped) = files.into_iter().next() else {
        return Err(i18n.t("file-missing"));
    };
    let picked = file_picker::read(i18n, dropped, max_padded).await?;
    announce(&i18n.tf(
        "file-dropped",
        [
            ("name", s(picked.name.clone())),
            ("size", s(format::bytes(i18n, picked.data.len()))),
        ],
    ));
    Ok(picked)
}

fn files(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Calls `onfiles` with every drop or paste that carries files; returns
/// whether files are being dragged over the page (for the drop hint).
#[hook]
pub fn use_file_drop(onfiles: Callback<Vec<File>>, enabled: bool) -> bool {
    let dragging = use_state(|| false);
    {
        let dragging = dragging.clone();
        // Re-registered when the callback changes, so it never acts on a
        // stale form (the language or the limits it saw may change).
        use_effect_with((enabled, onfiles), move |(enabled, onfiles)| {
            let listeners = enabled.then(web_sys::window).flatten().map(|w| {
                let on = |event: &'static str, handler: Box<dyn Fn(&web_sys::Event)>| {
                    EventListener::new_with_options(
                        &w,
                        event,
                        EventListenerOptions::enable_prevent_default(),
                        move |e| handler(e),
                    )
                };
                let carries_files = |e: &web_sys::Event| {
                    e.dyn_ref::<DragEvent>()
                        .and_then(DragEvent::data_transfer)
                        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
                };
                let (d1, d2, d3) = (dragging.clone(), dragging.clone(), dragging.clone());
                let cb_drop = onfiles.clone();
                let cb_paste = onfiles.clone();
                vec![
                    on(
                        "dragover",
                        Box::new(move |e| {
                            if carries_files(e) && !*d1 {
                                d1.set(true);
                            }
                        }),
                    ),
                    on(
                        "dragleave",
                        Box::new(move |e| {
                            // Leaving the window, not moving between elements.
                            let outside = e
                                .dyn_ref::<DragEvent>()
                                .is_some_and(|d| d.related_target().is_none());
                            if outside {
                                d2.set(false);
                            }
                        }),
                    ),
                    on(
                        "drop",
                        Box::new(move |e| {
                            e.prevent_default();
                            d3.set(false);
                            let dropped = files(
                                e.dyn_ref::<DragEvent>()
                                    .and_then(DragEvent::data_transfer)
                                    .and_then(|d| d.files()),
                            );
                            if !dropped.is_empty() {
                                cb_drop.emit(dropped);
                            }
                        }),
                    ),
                    on(
                        "paste",
                        Box::new(move |e| {
                            let pasted = files(
                                e.dyn_ref::<ClipboardEvent>()
                                    .and_then(ClipboardEvent::clipboard_data)
                                    .and_then(|d| d.files()),
                            );
                            // Text pastes go to the field as usual.
                            if !pasted.is_empty() {
                                e.prevent_default();
                                cb_paste.emit(pasted);
                            }
                        }),
                    ),
                ]
            });
            move || drop(listeners)
        });
    }
    *dragging
}
