# self-destruct-o, Deutsch (German).
#
# Glossar, in dieser Datei einheitlich verwendet:
#   secret        Geheimnis
#   view          Aufruf (Verb: aufrufen)
#   reveal        anzeigen („Geheimnis anzeigen“)
#   destroy       vernichten
#   link          Link; share link: Freigabelink
#   receipt link  Statuslink (die Seite dazu: Statusseite)
#   passphrase    Passphrase
#   request       Anfrage (um ein Geheimnis bitten); answer: Antwort (beantworten)
#   request link  Anfragelink (geht an die gefragte Person)
#   inbox link    Posteingangslink (die Seite dazu: Posteingang; öffnet als
#                 einziger die Antwort)
#   withdraw      zurückziehen (die Anfrage vorzeitig schließen)
#
# Anrede: „Sie“. Passphrase einblenden/ausblenden (show/hide) ist bewusst
# nicht „anzeigen“, damit „anzeigen“ dem Aufdecken des Geheimnisses vorbehalten bleibt.

## Der Rahmen um jede Seite

skip-to-content = Zum Inhalt springen
brand-label = self-destruct-o: neues Geheimnis teilen
tagline = Einmal-Geheimnisse, die der Server nicht lesen kann
footer = Durchgehend in Ihrem Browser verschlüsselt. Der Schlüssel steht im Teil des Links nach dem #, den Browser nie an einen Server senden.
language-label = Sprache
page-title = { $page } · self-destruct-o
## Erstellen

create-title = Ein Geheimnis teilen, einmalig
create-lede = Ihr Geheimnis wird in diesem Browser verschlüsselt. Der Link enthält den Schlüssel; der Server speichert nur verschlüsselte Daten und vernichtet sie, sobald das Geheimnis aufgerufen wurde.
mode-legend = Was möchten Sie teilen?
mode-text = Text
mode-file = Datei
secret-legend = Das Geheimnis und sein Schutz
secret-label = Geheimnis
secret-placeholder = Passwort, API-Schlüssel, Wiederherstellungscode, eine private Notiz…
secret-empty = Geben Sie das Geheimnis ein, das Sie teilen möchten.
secret-too-long = Das Geheimnis ist zu lang: Die Grenze liegt bei etwa { $limit }.
file-label = Datei
file-hint = Eine Datei, bis zu { $limit }. Sie wird vor dem Hochladen in diesem Browser verschlüsselt. Sie können eine Datei auch auf diese Seite ziehen oder einfügen.
file-missing = Wählen Sie eine Datei aus, die Sie teilen möchten.
file-remove = Entfernen
file-remove-label = { $name } entfernen
file-too-large = „{ $name }“ ist { $size } groß; die Grenze liegt bei { $limit }.
file-unreadable = „{ $name }“ konnte nicht gelesen werden. Wählen Sie die Datei erneut aus.
file-only-one = Teilen Sie jeweils nur eine Datei: Es wurden { $count } abgelegt oder eingefügt.
file-dropped = „{ $name }“ hinzugefügt ({ $size }).
drop-here = Datei hier ablegen, um sie zu teilen
passphrase-optional-label = Passphrase (optional)
passphrase-create-hint = Der Empfänger braucht den Link und diese Passphrase. Senden Sie die Passphrase auf einem anderen Weg (per Anruf, über eine andere App).
passphrase-show = Einblenden
passphrase-hide = Ausblenden
passphrase-show-label = Passphrase einblenden
passphrase-hide-label = Passphrase ausblenden
strength = Stärke: { $level }
strength-very-weak = sehr schwach
strength-weak = schwach
strength-fair = mittel
strength-strong = stark
strength-very-strong = sehr stark
generator-open = Passphrase vorschlagen
generator-title = Vorgeschlagene Passphrase
generator-words = Wörter
generator-characters = Zufällige Zeichen
generator-kind-legend = Bestehend aus
generator-entropy = { $bits } Bit Entropie: Zum Erraten wären bis zu 2 hoch { $bits } Versuche nötig.
generator-words-detail = { $count } Wörter, zufällig aus einer Liste von 7.776 ausgewählt.
generator-characters-detail = { $count } Zeichen, zufällig aus Buchstaben, Ziffern und Sonderzeichen ausgewählt.
generator-again = Neuer Vorschlag
generator-use = Diese Passphrase verwenden
generator-loading = Wortliste wird geladen…
generator-failed = Die Wortliste konnte nicht geladen werden. Verwenden Sie stattdessen zufällige Zeichen.
expiry-label = Gültig für
expiry-custom = Benutzerdefiniert…
expiry-amount-label = Benutzerdefinierte Gültigkeit: Anzahl
expiry-unit-label = Benutzerdefinierte Gültigkeit: Einheit
unit-minutes = Minuten
unit-hours = Stunden
unit-days = Tage
expiry-range = Mindestens { $min }, höchstens { $max }.
expiry-not-number = Geben Sie für die benutzerdefinierte Gültigkeit eine ganze Zahl ein.
expiry-out-of-range = Die Gültigkeit muss mindestens { $min } und höchstens { $max } betragen.
views-label = Aufrufe
views-hint = Wird nach so vielen Aufrufen vernichtet (höchstens { $max }).
views-out-of-range = Geben Sie eine Anzahl an Aufrufen von 1 bis { $max } ein.
create-failed = Das Geheimnis wurde nicht erstellt
create-button = Link zum Geheimnis erstellen
stage-stretching = Passphrase wird verstärkt…
stage-stretching-detail = Das dauert absichtlich einen Moment: So wird das Erraten der Passphrase verlangsamt. Die Seite reagiert weiterhin.
stage-encrypting = Wird in Ihrem Browser verschlüsselt…
stage-uploading = Verschlüsseltes Geheimnis wird hochgeladen…
no-randomness = Dieser Browser konnte keinen sicheren Zufallsschlüssel erzeugen. Versuchen Sie es mit einem anderen Browser.

## Der Link ist bereit

created-title = Ihr Link zum Geheimnis ist bereit
created-lifetime = { $views ->
    [one] Es kann einmal aufgerufen werden
   *[other] Es kann { $views }-mal aufgerufen werden
} und läuft { $when } ab.
share-link-label = Freigabelink
share-link-hint = Jeder, der diesen Link öffnet, kann das Geheimnis aufrufen. Senden Sie ihn daher nur an den Empfänger.
share-link-hint-protected = Der Link öffnet das Geheimnis nur zusammen mit der Passphrase.
copy = Kopieren
copy-share-link = Freigabelink kopieren
copy-receipt-link = Statuslink kopieren
copy-passphrase = Passphrase kopieren
copied = Kopiert
copy-failed = Kopieren fehlgeschlagen: Bitte markieren und von Hand kopieren
copied-announcement = In die Zwischenablage kopiert.
copy-failed-announcement = Kopieren nicht möglich. Markieren Sie den Text und kopieren Sie ihn von Hand.
separate-title = Link und Passphrase getrennt senden
separate-text = Senden Sie den Link über einen Kanal (zum Beispiel per E-Mail) und die Passphrase über einen anderen (per Anruf, über einen anderen Messenger). Wer nur eines von beiden abfängt, kann das Geheimnis nicht aufrufen.
link-is-key-title = Der Link ist der Schlüssel
link-is-key-text = Der Link allein öffnet das Geheimnis. Senden Sie ihn über einen vertrauenswürdigen Kanal, oder legen Sie beim nächsten Mal eine Passphrase fest und senden Sie diese auf einem anderen Weg.
your-passphrase-label = Ihre gewählte Passphrase
your-passphrase-hint = Prüfen Sie sie jetzt: Sie lässt sich später nicht wiederherstellen, und der Empfänger braucht sie genau so, wie sie ist.
qr-alt = QR-Code des Freigabelinks
qr-caption = Scannen, um ihn auf dem Smartphone zu öffnen
receipt-box-title = Privater Statuslink
receipt-link-label = Statuslink (diesen behalten)
receipt-link-hint = Nur für Sie: Er zeigt, ob das Geheimnis aufgerufen wurde, und damit können Sie es vorzeitig vernichten. Das Geheimnis selbst öffnet er nicht.
open-receipt = Statusseite in neuem Tab öffnen
create-another = Weiteres Geheimnis erstellen
receipt-not-copied = Sie haben den Statuslink weder kopiert noch geöffnet. Ohne ihn können Sie dieses Geheimnis später weder prüfen noch vernichten. Seite trotzdem verlassen?
remember-receipt = Statuslink in diesem Browser merken
remember-receipt-hint = Speichert nur Statuslinks, niemals Freigabelinks, im Speicher dieses Browsers, damit Sie später darauf zurückgreifen können. Sie können die Liste jederzeit löschen.

## Ihre letzten Geheimnisse (nur auf Wunsch)

recent-title = Ihre letzten Geheimnisse
recent-item = Erstellt: { $date }
recent-clear = Alle vergessen
recent-cleared = Die Liste der Statuslinks wurde aus diesem Browser gelöscht.

## Anzeigen

reveal-title = Jemand hat Ihnen ein Geheimnis gesendet
checking = Es wird geprüft, ob das Geheimnis noch vorhanden ist…
reveal-views-once = Es kann einmal aufgerufen werden: Wenn Sie es anzeigen, wird es auf dem Server vernichtet.
reveal-views-more = Es kann noch { $views }-mal aufgerufen werden; das Anzeigen verbraucht einen Aufruf.
reveal-expires = Es läuft { $when } ab.
reveal-attempts = { $attempts ->
    [one] Nach einer falschen Passphrase wird das Geheimnis vernichtet.
   *[other] Nach insgesamt { $attempts } falschen Passphrasen wird das Geheimnis vernichtet.
}
passphrase-label = Passphrase
reveal-passphrase-hint = Der Absender sollte sie Ihnen getrennt vom Link mitgeteilt haben.
passphrase-missing = Geben Sie die Passphrase ein, die Sie erhalten haben.
reveal-button = Geheimnis anzeigen
reveal-ready-hint = Zeigen Sie es erst an, wenn Sie bereit sind, es zu kopieren oder zu speichern.
stage-deriving = Passphrase wird geprüft…
stage-fetching = Wird abgerufen und entschlüsselt…
derive-failed = Dieser Browser konnte den Schlüssel nicht aus der Passphrase ableiten. Es wurde nichts verbraucht; versuchen Sie es erneut oder verwenden Sie einen anderen Browser.
check-failed = Das Geheimnis konnte nicht geprüft werden
try-again = Erneut versuchen
gone-title = Dieses Geheimnis ist nicht mehr verfügbar
gone-text = Es wurde bereits aufgerufen, vom Absender vernichtet oder ist abgelaufen, oder der Link ist unvollständig. Wenn Sie es nicht selbst aufgerufen haben, informieren Sie den Absender: Möglicherweise hat es jemand anderes getan.
locked-title = Dieses Geheimnis wurde vernichtet
locked-text = Es wurden zu viele falsche Passphrasen eingegeben, daher hat der Server es vernichtet. Bitten Sie den Absender, ein neues zu erstellen.
undecryptable-title = Das Geheimnis konnte nicht entschlüsselt werden
undecryptable-text = Der Server hat es herausgegeben, aber es lässt sich mit diesem Link nicht öffnen: Der Link wurde wahrscheinlich beim Kopieren beschädigt. Es kann nicht erneut abgerufen werden; bitten Sie den Absender um ein neues.
outcome-unknown-title = Es wurde möglicherweise verbraucht
outcome-unknown-text = Der Server konnte nicht bestätigen, ob Ihre Anfrage einen Aufruf verbraucht hat. Das Geheimnis ist möglicherweise nicht mehr verfügbar: Bitten Sie den Absender, die Statusseite zu prüfen, bevor Sie den Link erneut öffnen.
cleared-title = Von dieser Seite entfernt
cleared-text = Das Geheimnis wird hier nicht mehr angezeigt. Das Anzeigen hat auf dem Server einen Aufruf verbraucht; war es der letzte, ist es dort vernichtet.
create-your-own = Eigenes Geheimnis erstellen

## Angezeigt

revealed-title = Hier ist Ihr Geheimnis
revealed-destroyed = Es wurde jetzt auf dem Server vernichtet: Diese Seite enthält die einzige Kopie. Kopieren oder speichern Sie es, bevor Sie die Seite verlassen.
revealed-views-left = { $views ->
    [one] Der Absender hat einen weiteren Aufruf erlaubt.
   *[other] Der Absender hat { $views } weitere Aufrufe erlaubt.
}
secret-text-label = Das Geheimnis
copy-secret = Geheimnis kopieren
save-file = Datei speichern
save-failed = Dieser Browser konnte die Datei nicht speichern. Versuchen Sie es erneut oder mit einem anderen Browser.
clear = Fertig: von dieser Seite entfernen

## Statusseite

receipt-title = Status
receipt-lede = Nur für Sie: der Stand des Geheimnisses, das Sie gesendet haben. Dieser Link kann das Geheimnis nicht öffnen; behalten Sie ihn trotzdem für sich.
receipt-loading = Status wird geladen…
receipt-gone-title = Zu diesem Geheimnis gibt es keinen Eintrag
receipt-gone-text = Es ist abgelaufen und wurde gelöscht, oder dieser Statuslink ist unvollständig. Der Status wird nur bis zum Ablauf des Geheimnisses aufbewahrt.
receipt-failed = Der Status konnte nicht geladen werden
state-waiting = Ausstehend
state-revealed = Aufgerufen
state-burned = Vernichtet
state-locked = Gesperrt
state-expired = Abgelaufen
receipt-when = { $relative } ({ $date })
receipt-first-viewed = Zuerst aufgerufen: { $when }.
receipt-not-viewed = Noch nicht aufgerufen.
receipt-views-left = { $views ->
    [one] Noch 1 Aufruf übrig
   *[other] Noch { $views } Aufrufe übrig
}; es läuft { $when } ab.
receipt-viewed-at = Es wurde { $when } aufgerufen und ist vernichtet.
receipt-viewed = Es wurde aufgerufen und ist vernichtet.
receipt-burned = Es wurde vernichtet, bevor jemand es aufgerufen hat.
receipt-locked = Es wurden zu viele falsche Passphrasen eingegeben, daher wurde es vernichtet. Falls das nicht der Empfänger war, hat jemand anderes den Link.
receipt-expired = Es ist abgelaufen, ohne aufgerufen worden zu sein.
receipt-changed = Status: { $state }.
fact-created = Erstellt
fact-expires = Läuft ab
fact-views-left = Verbleibende Aufrufe
fact-wrong-passphrases = Falsche Passphrasen
burn = Jetzt vernichten
burn-confirm-text = Geheimnis jetzt vernichten? Danach kann es niemand mehr aufrufen.
burn-confirm = Ja, vernichten
cancel = Abbrechen
burn-failed = Das Geheimnis konnte nicht vernichtet werden
refresh = Aktualisieren
create-new = Neues Geheimnis erstellen
notify-label = Benachrichtigen, wenn es aufgerufen wird
notify-hint = Ihr Browser zeigt eine Benachrichtigung an, solange diese Seite geöffnet ist.
notify-blocked = Benachrichtigungen sind für diese Website blockiert. Erlauben Sie sie in den Website-Einstellungen des Browsers und versuchen Sie es dann erneut.
notify-unsupported = Dieser Browser kann keine Benachrichtigungen anzeigen.
notify-title = Ihr Geheimnis wurde aufgerufen
notify-body = Das Geheimnis, das Sie mit self-destruct-o geteilt haben, wurde aufgerufen.

## Startseite: teilen oder anfordern

home-tabs-label = Was möchten Sie tun?
tab-share = Geheimnis teilen
tab-request = Geheimnis anfordern

## Ein Geheimnis anfordern (wer fragt)

request-title = Jemanden um ein Geheimnis bitten
request-lede = Erstellen Sie einen Anfragelink und senden Sie ihn an die Person, die das Geheimnis hat. Was sie sendet, wird in ihrem Browser so verschlüsselt, dass nur Ihr Posteingangslink es öffnen kann; der Server kann es nicht.
request-legend = Die Anfrage
request-note-label = Notiz für die Person (optional)
request-note-placeholder = Zum Beispiel: bitte das Passwort der Staging-Datenbank
request-note-hint = Wer den Anfragelink öffnet, kann sie lesen; der Server nicht. Schreiben Sie keine Geheimnisse hinein.
request-note-too-long = Die Notiz ist zu lang: Die Grenze liegt bei etwa { $limit }.
request-button = Anfragelink erstellen
request-failed = Die Anfrage wurde nicht erstellt
request-stage-preparing = Schlüssel werden in Ihrem Browser erzeugt…
request-stage-uploading = Anfrage wird erstellt…
request-prepare-failed = Dieser Browser konnte die Schlüssel der Anfrage nicht erzeugen. Versuchen Sie es erneut oder verwenden Sie einen anderen Browser.
request-unavailable = Dieser Server nimmt keine Anfragen nach Geheimnissen an.

## Die Anfrage ist bereit

request-made-title = Ihr Anfragelink ist bereit
request-made-lede = Senden Sie den Anfragelink an die Person, die das Geheimnis hat. Die Anfrage kann einmal beantwortet werden und läuft { $when } ab.
request-link-label = Anfragelink (diesen senden)
request-link-hint = Wer ihn öffnet, kann Ihnen ein Geheimnis senden. Senden Sie ihn nur an die Person, die Sie fragen.
request-link-hint-note = Wer ihn öffnet, sieht Ihre Notiz und kann Ihnen ein Geheimnis senden. Senden Sie ihn nur an die Person, die Sie fragen.
copy-request-link = Anfragelink kopieren
request-how-title = Nur Sie können die Antwort öffnen
request-how-text = Das Geheimnis der Person wird in ihrem Browser mit einem Schlüssel aus diesem Anfragelink verschlüsselt, und nur Ihr Posteingangslink kann es entschlüsseln. Der Server speichert es verschlüsselt und gibt es einmal heraus.
request-qr-alt = QR-Code des Anfragelinks
inbox-box-title = Ihr privater Posteingangslink
inbox-link-label = Posteingangslink (diesen behalten)
inbox-link-hint = Nur dieser Link kann öffnen, was die Person sendet. Er wird nirgendwo sonst gespeichert: Wenn Sie ihn verlieren, kann niemand die Antwort öffnen.
copy-inbox-link = Posteingangslink kopieren
open-inbox = Posteingang in neuem Tab öffnen
request-another = Weitere Anfrage erstellen
inbox-not-copied = Sie haben den Posteingangslink weder kopiert noch geöffnet. Ohne ihn kann niemand die Antwort öffnen. Seite trotzdem verlassen?

## Eine Anfrage beantworten (wer gefragt wird)

respond-title = Jemand bittet Sie um ein Geheimnis
respond-lede = Was Sie senden, wird in diesem Browser so verschlüsselt, dass nur die Person, die gefragt hat, es öffnen kann, und zwar einmal. Der Server kann es nicht lesen.
respond-expires = Die Anfrage kann beantwortet werden, bis sie { $when } abläuft.
respond-checking = Anfrage wird geprüft…
respond-check-failed = Die Anfrage konnte nicht geprüft werden
respond-note-label = Notiz der anfragenden Person
respond-note-warning = Die Notiz stammt von der Person, die den Anfragelink erstellt hat, wer auch immer das ist. Senden Sie das Geheimnis nur, wenn Sie wissen, wer fragt und warum.
respond-button = Verschlüsseln und senden
respond-failed = Das Geheimnis wurde nicht gesendet
respond-stage-encrypting = Wird in Ihrem Browser verschlüsselt…
respond-stage-uploading = Verschlüsseltes Geheimnis wird gesendet…
respond-seal-failed = Dieser Browser konnte das Geheimnis nicht verschlüsseln. Es wurde nichts gesendet; versuchen Sie es erneut oder verwenden Sie einen anderen Browser.
respond-not-stored = Der Server konnte nicht bestätigen, dass er Ihr Geheimnis gespeichert hat, und die Anfrage wartet noch auf eine Antwort. Senden Sie es erneut.
sent-title = Gesendet: Nur die Person, die gefragt hat, kann es öffnen
sent-text = Ihr Geheimnis wurde in diesem Browser verschlüsselt und für die Person gespeichert, die gefragt hat. Nur ihr Posteingangslink öffnet es, und nur einmal. Sie können diese Seite schließen.
answered-title = Diese Anfrage wurde bereits beantwortet
answered-text = Für diese Anfrage wurde bereits ein Geheimnis gesendet, und eine Anfrage nimmt nur eines an. Ihres wurde nicht gesendet. Falls die andere Antwort nicht von Ihnen stammt, informieren Sie die Person, die gefragt hat.
request-gone-title = Diese Anfrage ist geschlossen
request-gone-text = Sie ist abgelaufen oder wurde zurückgezogen, oder der Link ist unvollständig. Es wurde nichts gesendet. Bitten Sie die Person um einen neuen Anfragelink, falls sie das Geheimnis noch braucht.
respond-unknown-title = Es wurde wahrscheinlich gesendet
respond-unknown-text = Der Server konnte nicht bestätigen, dass er Ihr Geheimnis gespeichert hat, aber die Anfrage gilt jetzt als beantwortet. Fragen Sie die Person, die gefragt hat, ob sie es erhalten hat, bevor Sie es auf anderem Weg erneut senden.
note-unreadable-title = Dieser Anfragelink ist beschädigt
note-unreadable-text = Seine Notiz lässt sich mit diesem Link nicht öffnen; der Link wurde also wahrscheinlich beim Kopieren verändert. Es wurde nichts gesendet. Bitten Sie erneut um den Link.

## Der Posteingang einer Anfrage (wer gefragt hat)

inbox-title = Ihre Anfrage
inbox-lede = Ihr privater Posteingang. Nur dieser Link kann öffnen, was gesendet wird; behalten Sie ihn für sich.
inbox-loading = Anfrage wird geladen…
inbox-failed = Die Anfrage konnte nicht geladen werden
request-state-open = Ausstehend
request-state-filled = Beantwortet
request-state-collected = Geöffnet
request-state-cancelled = Zurückgezogen
request-state-expired = Abgelaufen
inbox-open = Noch hat niemand geantwortet. Der Anfragelink funktioniert, bis er { $when } abläuft. Diese Seite prüft alle paar Sekunden erneut.
inbox-filled = Eine Antwort ist { $when } eingegangen. Beim Öffnen wird sie auf dem Server vernichtet; öffnen Sie sie also erst, wenn Sie bereit sind, sie zu kopieren oder zu speichern. Bis dahin wird sie aufbewahrt; sie läuft { $expires } ab.
inbox-collected = Sie haben die Antwort { $when } geöffnet; der Server hat sie nicht mehr.
inbox-collected-unknown = Die Antwort wurde geöffnet; der Server hat sie nicht mehr.
inbox-cancelled = Sie haben diese Anfrage zurückgezogen; es kann nichts mehr dafür gesendet werden.
inbox-expired = Diese Anfrage ist abgelaufen, bevor sie beantwortet oder bevor die Antwort geöffnet wurde.
inbox-changed = Status: { $state }.
collect-button = Geheimnis öffnen
collect-stage = Wird abgerufen und entschlüsselt…
collect-failed = Das Geheimnis konnte nicht geöffnet werden
withdraw = Anfrage zurückziehen
withdraw-confirm-text = Anfrage zurückziehen? Der Anfragelink funktioniert dann nicht mehr, und eine noch nicht geöffnete Antwort wird vernichtet.
withdraw-confirm = Ja, zurückziehen
withdraw-failed = Die Anfrage konnte nicht zurückgezogen werden
notify-answered-label = Benachrichtigen, wenn sie beantwortet wird
notify-answered-title = Ihre Anfrage wurde beantwortet
notify-answered-body = Jemand hat das Geheimnis gesendet, um das Sie mit self-destruct-o gebeten haben.
inbox-gone-title = Zu dieser Anfrage gibt es keinen Eintrag
inbox-gone-text = Sie ist abgelaufen und wurde gelöscht, oder dieser Posteingangslink ist unvollständig.
collect-lost-title = Die Antwort wurde herausgegeben, hat diese Seite aber nicht erreicht
collect-lost-text = Der Server hat das Geheimnis herausgegeben, aber es ging auf dem Weg hierher verloren und ist daher nicht mehr verfügbar. Bitten Sie die Person, eine neue Anfrage zu beantworten.
collect-undecryptable-title = Die Antwort konnte nicht entschlüsselt werden
collect-undecryptable-text = Der Server hat sie herausgegeben, aber sie lässt sich mit diesem Posteingangslink nicht öffnen: Der Link wurde wahrscheinlich beim Kopieren beschädigt. Sie kann nicht erneut abgerufen werden; erstellen Sie eine neue Anfrage.
inbox-cleared-text = Das Geheimnis wird hier nicht mehr angezeigt, und der Server hat es vernichtet, als Sie es geöffnet haben.

## Adressen, die kein (oder kein gültiger) Link mehr sind

key-removed-title = Öffnen Sie den Link erneut
key-removed-text = Zu Ihrer Sicherheit entfernt diese Seite den Schlüssel des Geheimnisses aus der Adressleiste, sobald sie ihn gelesen hat; durch Neuladen lässt er sich daher nicht zurückholen. Öffnen Sie den ursprünglichen Link erneut. Falls Sie das Geheimnis vor dem Neuladen angezeigt haben, wurde dabei ein Aufruf verbraucht.
receipt-token-removed-title = Öffnen Sie den Statuslink erneut
receipt-token-removed-text = Zu Ihrer Sicherheit entfernt diese Seite den Schlüssel der Statusseite aus der Adressleiste, sobald sie ihn gelesen hat; durch Neuladen lässt er sich daher nicht zurückholen. Öffnen Sie den Statuslink, den Sie aufbewahrt haben, erneut.
request-key-removed-title = Öffnen Sie den Anfragelink erneut
request-key-removed-text = Zu Ihrer Sicherheit entfernt diese Seite den Schlüssel der Anfrage aus der Adressleiste, sobald sie ihn gelesen hat; durch Neuladen lässt er sich daher nicht zurückholen. Öffnen Sie den Anfragelink erneut aus der Nachricht; er funktioniert, bis die Anfrage beantwortet ist.
inbox-key-removed-title = Öffnen Sie den Posteingangslink erneut
inbox-key-removed-text = Zu Ihrer Sicherheit entfernt diese Seite den Schlüssel des Posteingangs aus der Adressleiste, sobald sie ihn gelesen hat; durch Neuladen lässt er sich daher nicht zurückholen. Öffnen Sie den Posteingangslink, den Sie aufbewahrt haben, erneut.
damaged-title = Dieser Link ist beschädigt
damaged-text = Ein Teil fehlt oder wurde verändert, daher hat diese Seite damit keine Verbindung zum Server aufgenommen. Kopieren Sie den vollständigen Link erneut aus der Nachricht.
not-found-title = Hier gibt es nichts
not-found-text = Diese Adresse ist keine Seite dieser App.
create-secret = Geheimnis erstellen

## Der Stand dieser Seite (jede Seite, die im Browser ver- oder entschlüsselt)

out-of-date-link = Diese Seite ist älter als die aktuelle Version des Servers und kann nicht laden, was sie braucht. Es wurde nichts verbraucht: Öffnen Sie den Link erneut (ein Neuladen dieser Seite bringt ihren Schlüssel nicht zurück).
out-of-date-form = Diese Seite ist älter als die aktuelle Version des Servers und kann nicht laden, was sie braucht. Es wurde nichts gesendet: Laden Sie die Seite neu und versuchen Sie es erneut (was Sie hier eingegeben haben, bleibt nicht erhalten).
out-of-date-answer = Diese Seite ist älter als die aktuelle Version des Servers und kann nicht laden, was sie braucht. Es wurde nichts gesendet: Kopieren Sie, was Sie eingegeben haben, und öffnen Sie dann den Anfragelink erneut (ein Neuladen dieser Seite bringt ihren Schlüssel nicht zurück).
worker-failed = Dieser Browser konnte den Teil der Seite, der entschlüsselt, nicht starten. Es wurde nichts verbraucht; versuchen Sie es erneut oder verwenden Sie einen anderen Browser.

## Fehler vom Server oder auf dem Weg dorthin

error-network = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-not-found = Dieses Geheimnis existiert nicht oder ist nicht mehr verfügbar.
error-wrong-passphrase-last = Falsche Passphrase, und das war der letzte Versuch: Das Geheimnis wurde vernichtet.
error-wrong-passphrase = Falsche Passphrase. { $attempts ->
    [one] Noch 1 Versuch
   *[other] Noch { $attempts } Versuche
}, bevor das Geheimnis vernichtet wird.
error-rate-limited-for = Zu viele Anfragen. Versuchen Sie es in { $secs ->
    [one] 1 Sekunde
   *[other] { $secs } Sekunden
} erneut.
error-rate-limited = Zu viele Anfragen. Versuchen Sie es in einer Minute erneut.
error-too-large = Das Geheimnis ist größer, als dieser Server annimmt.
error-invalid = Der Server hat die Anfrage abgelehnt. Laden Sie die Seite neu und versuchen Sie es erneut; falls es wieder passiert, ist diese Seite möglicherweise älter als der Server.
split-failed = Ein Teil dieser Seite konnte nicht geladen werden: Die Verbindung ist abgebrochen, oder die Website wurde aktualisiert. Laden Sie die Seite neu, bevor Sie fortfahren; was Sie hier eingegeben haben, bleibt nicht erhalten.
boot-failed = Die App konnte nicht starten: Dieser Browser braucht JavaScript-Module und WebAssembly. Versuchen Sie es mit einer aktuellen Version von Firefox, Chrome, Safari oder Edge, oder laden Sie die Seite neu.
error-unavailable = Der Server ist ausgelastet oder ein Dienst, von dem er abhängt, ist ausgefallen. Es wurde nichts verbraucht; versuchen Sie es gleich noch einmal.
error-outcome-unknown = Der Server konnte nicht bestätigen, ob dabei das Geheimnis verbraucht wurde. Es ist möglicherweise nicht mehr verfügbar: Bitten Sie den Absender, die Statusseite zu prüfen, bevor es jemand erneut versucht.
error-server = Auf dem Server ist ein Problem aufgetreten (Fehler { $status }). Versuchen Sie es gleich noch einmal.
error-bad-response = Die Antwort des Servers wurde nicht verstanden. Versuchen Sie es gleich noch einmal.

## Größen (die Zahl ist bereits formatiert)

size-bytes = { $count ->
    [one] { $count } Byte
   *[other] { $count } Bytes
}
size-kib = { $size } KiB
size-mib = { $size } MiB
