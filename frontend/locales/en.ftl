# self-destruct-o, English (the reference language).
#
# Glossary, kept in every language:
#   secret   what the sender shares (text or a file)
#   view     one opening of the secret; a secret allows a number of views
#   reveal   the recipient's action that uses a view
#   destroy  what happens when the views run out, it expires, too many wrong
#            passphrases are entered, or the sender destroys it early
#   link     the share link (opens the secret); receipt link (does not)
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

## Addresses that are not (or no longer) a usable link

key-removed-title = Open the link again
key-removed-text = For safety, this page removes the secret’s key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the original link again. If you revealed the secret before reloading, that used a view.
receipt-token-removed-title = Open the receipt link again
receipt-token-removed-text = For safety, this page removes the receipt’s key from the address bar as soon as it reads it, so reloading cannot bring it back. Open the receipt link you kept again.
damaged-title = This link is damaged
damaged-text = Part of it is missing or was changed, so this page did not contact the server with it. Copy the whole link from the message again.
not-found-title = Nothing here
not-found-text = This address is not a page of this app.
create-secret = Create a secret

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
