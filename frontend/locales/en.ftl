# self-destruct-o, English (the reference language).
#
# Glossary, kept in every language:
#   secret   what the sender shares (text or a file)
#   view     one opening of the secret; a secret allows a number of views
#   reveal   the recipient's action that uses a view
#   destroy  what happens when the views run out, it expires, too many wrong
#            passphrases are entered, or the sender destroys it early
#   link     the share link (opens the secret); receipt link (does not)
#   request  asking someone for a secret; they answer it once
#   request link   sent to the person asked (shows the note, takes the answer)
#   inbox link     kept by whoever asked (the only link that opens the answer)
#   withdraw what the person who asked does to close a request early
#
# Variables: $size, $limit, $min, $max, $when, $date, $relative and $name are
# already formatted for the language; $count, $views, $attempts, $secs and
# $bits are numbers (for plural rules).

## The page around every screen

skip-to-content = Skip to content
brand-label = self-destruct-o: share a new secret
tagline = One-time secrets the server cannot read
footer = Encrypted end to end in your browser. The key is in the part of the link after the #, which browsers never send to a server.
language-label = Language
page-title = { $page } · self-destruct-o
## Create

create-title = Share a secret, once
create-lede = Your secret is encrypted in this browser. The link holds the key; the server stores only encrypted data and destroys it once it has been viewed.
mode-legend = What to share
mode-text = Text
mode-file = File
secret-legend = The secret and how it is protected
secret-label = Secret
secret-placeholder = Password, API key, recovery code, a private note…
secret-empty = Write the secret to share.
secret-too-long = The secret is too long: the limit is about { $limit }.
file-label = File
file-hint = One file, up to { $limit }. It is encrypted in this browser before upload. You can also drop a file on this page or paste one.
file-missing = Choose a file to share.
file-remove = Remove
file-remove-label = Remove { $name }
file-too-large = “{ $name }” is { $size }; the limit is { $limit }.
file-unreadable = “{ $name }” could not be read. Choose it again.
file-only-one = Share one file at a time: { $count } were dropped or pasted.
file-dropped = Added “{ $name }” ({ $size }).
drop-here = Drop the file here to share it
passphrase-optional-label = Passphrase (optional)
passphrase-create-hint = The recipient will need both the link and this passphrase. Send the passphrase another way (a call, a different app).
passphrase-show = Show
passphrase-hide = Hide
passphrase-show-label = Show passphrase
passphrase-hide-label = Hide passphrase
strength = Strength: { $level }
strength-very-weak = very weak
strength-weak = weak
strength-fair = fair
strength-strong = strong
strength-very-strong = very strong
generator-open = Suggest a passphrase
generator-title = Suggested passphrase
generator-words = Words
generator-characters = Random characters
generator-kind-legend = Made of
generator-entropy = { $bits } bits of entropy: guessing it would take up to 2 to the power of { $bits } tries.
generator-words-detail = { $count } words picked at random from a list of 7,776.
generator-characters-detail = { $count } characters picked at random from letters, digits and symbols.
generator-again = Suggest another
generator-use = Use this passphrase
generator-loading = Loading the word list…
generator-failed = The word list could not be loaded. Try random characters instead.
expiry-label = Expires after
expiry-custom = Custom…
expiry-amount-label = Custom expiry amount
expiry-unit-label = Custom expiry unit
unit-minutes = minutes
unit-hours = hours
unit-days = days
expiry-range = Between { $min } and { $max }.
expiry-not-number = Enter a whole number for the custom expiry.
expiry-out-of-range = The expiry must be between { $min } and { $max }.
views-label = Views
views-hint = Destroyed after this many views (at most { $max }).
views-out-of-range = Enter a number of views from 1 to { $max }.
create-failed = The secret was not created
create-button = Create secret link
stage-stretching = Strengthening the passphrase…
stage-stretching-detail = This takes a moment on purpose: it makes guessing the passphrase slow. The page stays responsive.
stage-encrypting = Encrypting in your browser…
stage-uploading = Uploading the encrypted secret…
no-randomness = This browser could not generate a secure random key. Try another browser.

## The link is ready

created-title = Your secret link is ready
created-lifetime = { $views ->
    [one] It can be viewed once
   *[other] It can be viewed { $views } times
} and expires { $when }.
share-link-label = Share link
share-link-hint = Anyone who opens this link can view the secret, so send it only to the recipient.
share-link-hint-protected = The link opens the secret only together with the passphrase.
copy = Copy
copy-share-link = Copy the share link
copy-receipt-link = Copy the receipt link
copy-passphrase = Copy the passphrase
copied = Copied
copy-failed = Copy failed: select and copy by hand
copied-announcement = Copied to the clipboard.
copy-failed-announcement = Could not copy. Select the text and copy it by hand.
separate-title = Send the link and the passphrase separately
separate-text = Send the link by one channel (for example, email) and the passphrase by another (a phone call, a different messenger). Someone who intercepts only one of them cannot view the secret.
link-is-key-title = The link is the key
link-is-key-text = The link alone opens the secret. Send it by a channel you trust, or add a passphrase next time and send that another way.
your-passphrase-label = The passphrase you chose
your-passphrase-hint = Check it now: it cannot be recovered later, and the recipient needs it exactly as it is.
qr-alt = QR code of the share link
qr-caption = Scan to open on a phone
receipt-box-title = Private receipt link
receipt-link-label = Receipt link (keep this one)
receipt-link-hint = Only for you: it shows whether the secret was viewed and lets you destroy it early. It cannot open the secret.
open-receipt = Open the receipt in a new tab
create-another = Create another secret
receipt-not-copied = You have not copied or opened the receipt link. Without it you cannot check or destroy this secret later. Leave this page anyway?
remember-receipt = Remember the receipt link in this browser
remember-receipt-hint = Keeps only receipt links, never share links, in this browser’s storage, so you can come back to them. You can clear the list at any time.

## Recent secrets (opt-in)

recent-title = Your recent secrets
recent-item = Created { $date }
recent-clear = Forget all
recent-cleared = The list of receipts was cleared from this browser.

## Reveal

reveal-title = Someone sent you a secret
checking = Checking that the secret is still there…
reveal-views-once = It can be viewed once: revealing it destroys it on the server.
reveal-views-more = It can be viewed { $views } more times; revealing it uses one view.
reveal-expires = It expires { $when }.
reveal-attempts = The secret is destroyed after { $attempts ->
    [one] one wrong passphrase.
   *[other] { $attempts } wrong passphrases in total.
}
passphrase-label = Passphrase
reveal-passphrase-hint = The sender should have given it to you separately from the link.
passphrase-missing = Enter the passphrase you were given.
reveal-button = Reveal secret
reveal-ready-hint = Only reveal it when you are ready to copy or save it.
stage-deriving = Checking the passphrase…
stage-fetching = Fetching and decrypting…
derive-failed = This browser could not work out the key from the passphrase. Nothing was used up; try again, or use another browser.
check-failed = Could not check the secret
try-again = Try again
gone-title = This secret is gone
gone-text = It has already been viewed, was destroyed by its sender, has expired, or the link is incomplete. If you did not view it yourself, tell the sender: someone else may have.
locked-title = This secret has been destroyed
locked-text = Too many wrong passphrases were entered, so the server destroyed it. Ask the sender to create a new one.
undecryptable-title = The secret could not be decrypted
undecryptable-text = The server released it, but it does not open with this link: the link was probably damaged when it was copied. It cannot be fetched again; ask the sender for a new one.
outcome-unknown-title = It may have been used up
outcome-unknown-text = The server could not confirm whether your request used up a view. It may be gone: ask the sender to check the receipt before you try the link again.
cleared-title = Removed from this page
cleared-text = The secret is no longer shown here. Revealing it used a view on the server; it is destroyed there if that was its last view.
create-your-own = Create a secret of your own

## Revealed

revealed-title = Here is your secret
revealed-destroyed = It has now been destroyed on the server: this page holds the only copy. Copy or save it before you leave.
revealed-views-left = { $views ->
    [one] The sender allowed one more view of it.
   *[other] The sender allowed { $views } more views of it.
}
secret-text-label = The secret
copy-secret = Copy secret
save-file = Save file
save-failed = This browser could not save the file. Try again, or try another browser.
clear = Done: remove it from this page

## Receipt

receipt-title = Receipt
receipt-lede = Your private view of the secret you sent. This link cannot open the secret; keep it to yourself anyway.
receipt-loading = Loading the receipt…
receipt-gone-title = No record of this secret
receipt-gone-text = It expired and was deleted, or this receipt link is incomplete. Receipts are kept only until the secret expires.
receipt-failed = Could not load the receipt
state-waiting = Waiting
state-revealed = Viewed
state-burned = Destroyed
state-locked = Locked
state-expired = Expired
receipt-when = { $relative } ({ $date })
receipt-first-viewed = First viewed { $when }.
receipt-not-viewed = Not viewed yet.
receipt-views-left = { $views ->
    [one] 1 view left
   *[other] { $views } views left
}; it expires { $when }.
receipt-viewed-at = It was viewed { $when } and is destroyed.
receipt-viewed = It was viewed and is destroyed.
receipt-burned = It was destroyed before anyone viewed it.
receipt-locked = Too many wrong passphrases were entered, so it was destroyed. If that was not the recipient, someone else has the link.
receipt-expired = It expired without being viewed.
receipt-changed = Status: { $state }.
fact-created = Created
fact-expires = Expires
fact-views-left = Views left
fact-wrong-passphrases = Wrong passphrases
burn = Destroy now
burn-confirm-text = Destroy the secret now? Nobody will be able to view it.
burn-confirm = Yes, destroy it
cancel = Cancel
burn-failed = Could not destroy the secret
refresh = Refresh
create-new = Create a new secret
notify-label = Notify me when it is viewed
notify-hint = Your browser shows a notification while this page is open.
notify-blocked = Notifications are blocked for this site. Allow them in the browser’s site settings, then try again.
notify-unsupported = This browser cannot show notifications.
notify-title = Your secret was viewed
notify-body = The secret you shared with self-destruct-o has been viewed.

## Home: share or request

home-tabs-label = What to do
tab-share = Share a secret
tab-request = Request a secret

## Request a secret (the person who asks)

request-title = Ask someone for a secret
request-lede = Make a request link and send it to the person who has the secret. What they send is encrypted in their browser so that only your inbox link can open it; the server cannot.
request-legend = The request
request-note-label = Note to them (optional)
request-note-placeholder = For example: the staging database password, please
request-note-hint = Anyone who opens the request link can read it; the server cannot. Do not put secrets in it.
request-note-too-long = The note is too long: the limit is about { $limit }.
request-button = Create request link
request-failed = The request was not created
request-stage-preparing = Making the keys in your browser…
request-stage-uploading = Creating the request…
request-prepare-failed = This browser could not make the request’s keys. Try again, or use another browser.
request-unavailable = This server does not take requests for secrets.

## The request is ready

request-made-title = Your request link is ready
request-made-lede = Send the request link to the person who has the secret. It takes one answer, and expires { $when }.
request-link-label = Request link (send this one)
request-link-hint = Whoever opens it can send one secret to you. Send it only to the person you are asking.
request-link-hint-note = Whoever opens it sees your note and can send one secret to you. Send it only to the person you are asking.
copy-request-link = Copy the request link
request-how-title = Only you can open the answer
request-how-text = Their secret is encrypted in their browser with a key from this request link, and only your inbox link can decrypt it. The server stores it encrypted and releases it once.
request-qr-alt = QR code of the request link
inbox-box-title = Your private inbox link
inbox-link-label = Inbox link (keep this one)
inbox-link-hint = Only this link can open what they send. It is not stored anywhere else: if you lose it, nobody can open the answer.
copy-inbox-link = Copy the inbox link
open-inbox = Open the inbox in a new tab
request-another = Make another request
inbox-not-copied = You have not copied or opened the inbox link. Without it, nobody can open the answer. Leave this page anyway?

## Answer a request (the person asked)

respond-title = Someone asks you for a secret
respond-lede = What you send is encrypted in this browser so that only the person who asked can open it, once. The server cannot read it.
respond-expires = The request expires { $when }.
respond-checking = Checking the request…
respond-check-failed = Could not check the request
respond-note-label = Their note
respond-note-warning = The note comes from whoever made the request link. Send the secret only if you know who is asking and why.
respond-button = Encrypt and send
respond-failed = The secret was not sent
respond-stage-encrypting = Encrypting in your browser…
respond-stage-uploading = Sending the encrypted secret…
respond-seal-failed = This browser could not encrypt the secret. Nothing was sent; try again, or use another browser.
respond-not-stored = The server could not confirm that it stored your secret, and the request still waits for an answer. Send it again.
sent-title = Sent: only the person who asked can open it
sent-text = Your secret was encrypted in this browser and stored for the person who asked. Only their inbox link opens it, and only once. You can close this page.
answered-title = This request was already answered
answered-text = A secret was already sent for this request, and a request takes only one. Yours was not sent. If the other answer was not yours, tell the person who asked.
request-gone-title = This request is closed
request-gone-text = It expired or was withdrawn, or the link is incomplete. Nothing was sent. Ask the person for a new request link if they still need the secret.
respond-unknown-title = It was probably sent
respond-unknown-text = The server could not confirm that it stored your secret, but the request now shows as answered. Ask the person who asked whether they received it before you send it again some other way.
note-unreadable-title = This request link is damaged
note-unreadable-text = Its note does not open with this link, so the link was probably changed when it was copied. Nothing was sent. Ask for the link again.

## A request's inbox (the person who asked)

inbox-title = Your request
inbox-lede = Your private inbox. Only this link can open what is sent; keep it to yourself.
inbox-loading = Loading the request…
inbox-failed = Could not load the request
request-state-open = Waiting
request-state-filled = Answered
request-state-collected = Opened
request-state-cancelled = Withdrawn
request-state-expired = Expired
inbox-open = Nobody has answered yet. The request link expires { $when }. This page checks again every few seconds.
inbox-filled = An answer arrived { $when }. Opening it destroys it on the server, so open it when you are ready to copy or save it. If it is not opened, it is destroyed { $expires }.
inbox-collected = You opened the answer { $when }; the server no longer has it.
inbox-collected-unknown = The answer was opened; the server no longer has it.
inbox-cancelled = You withdrew this request; nothing can be sent to it.
inbox-expired = This request expired before it was answered, or before the answer was opened.
inbox-changed = Status: { $state }.
collect-button = Open the secret
collect-stage = Fetching and decrypting…
collect-failed = Could not open the secret
withdraw = Withdraw the request
withdraw-confirm-text = Withdraw the request? The request link stops working, and an answer not yet opened is destroyed.
withdraw-confirm = Yes, withdraw it
withdraw-failed = Could not withdraw the request
notify-answered-label = Notify me when it is answered
notify-answered-title = Your request was answered
notify-answered-body = Someone sent the secret you asked for with self-destruct-o.
inbox-gone-title = No record of this request
inbox-gone-text = It expired and was deleted, or this inbox link is incomplete.
collect-lost-title = The answer was released, but did not reach this page
collect-lost-text = The server released the secret, but its answer was lost on the way, so it is gone. Ask the person to answer a new request.
collect-undecryptable-title = The answer could not be decrypted
collect-undecryptable-text = The server released it, but it does not open with this inbox link: the link was probably damaged when it was copied. It cannot be fetched again; make a new request.
inbox-cleared-text = The secret is no longer shown here, and the server destroyed it when you opened it.

## Addresses that are not (or no longer) a usable link

key-removed-title = Open the link again
key-removed-text = For safety, this page removes the secret’s key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the original link again. If you revealed the secret before reloading, that used a view.
receipt-token-removed-title = Open the receipt link again
receipt-token-removed-text = For safety, this page removes the receipt’s key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the receipt link you kept again.
request-key-removed-title = Open the request link again
request-key-removed-text = For safety, this page removes the request’s key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the request link from the message again; it works until it is answered.
inbox-key-removed-title = Open the inbox link again
inbox-key-removed-text = For safety, this page removes the inbox key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the inbox link you kept again.
damaged-title = This link is damaged
damaged-text = Part of it is missing or was changed, so this page did not contact the server with it. Copy the whole link from the message again.
not-found-title = Nothing here
not-found-text = This address is not a page of this app.
create-secret = Create a secret

## This page's own build (every page that seals or opens in the browser)

out-of-date-link = This page is older than the server’s current version and cannot load what it needs. Nothing was used up: open the link again (reloading this page cannot bring its key back).
out-of-date-form = This page is older than the server’s current version and cannot load what it needs. Nothing was sent: reload the page and try again (what you typed here is not kept).
out-of-date-answer = This page is older than the server’s current version and cannot load what it needs. Nothing was sent: copy what you typed, then open the request link again (reloading this page cannot bring its key back).
worker-failed = This browser could not start the part of the page that decrypts. Nothing was used up; try again, or use another browser.

## Errors from the server, or from the way to it

error-network = The server could not be reached. Check your connection and try again.
error-not-found = This secret does not exist or is no longer available.
error-wrong-passphrase-last = Wrong passphrase, and that was the last attempt: the secret has been destroyed.
error-wrong-passphrase = Wrong passphrase. { $attempts ->
    [one] 1 attempt left
   *[other] { $attempts } attempts left
} before the secret is destroyed.
error-rate-limited-for = Too many requests. Try again in { $secs ->
    [one] 1 second
   *[other] { $secs } seconds
}.
error-rate-limited = Too many requests. Try again in a minute.
error-too-large = The secret is larger than this server accepts.
error-invalid = The server refused the request. Reload the page and try again; if it happens again, this page may be older than the server.
split-failed = Part of this page could not be loaded: the connection dropped, or the site was updated. Reload the page before you go on; anything typed here is not kept.
# Shown by boot.js (no wasm yet), which reads this one line from the
# file: keep it on one line, without placeables.
boot-failed = The app could not start: this browser needs JavaScript modules and WebAssembly. Try an up-to-date Firefox, Chrome, Safari or Edge, or reload the page.
error-unavailable = The server is busy or a service it depends on is down. Nothing was used up; try again in a moment.
error-outcome-unknown = The server could not confirm whether this used up the secret. It may be gone: ask the sender to check the receipt before anyone tries again.
error-server = The server had a problem (error { $status }). Try again in a moment.
error-bad-response = The server’s answer was not understood. Try again in a moment.

## Sizes (the number is already formatted)

size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-kib = { $size } KiB
size-mib = { $size } MiB
