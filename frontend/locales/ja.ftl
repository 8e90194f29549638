# self-destruct-o, 日本語 (Japanese).
#
# 用語集（このファイル全体で統一）:
#   secret        シークレット
#   view          閲覧（閲覧する、閲覧回数）
#   reveal        開封する（「シークレットを開封」）
#   destroy       破棄する
#   link          リンク。share link: 共有リンク
#   receipt link  確認用リンク（そのページ: 確認ページ）
#   passphrase    パスフレーズ
#   request       依頼（シークレットを依頼する。相手は1回だけ回答できる）。answer: 回答
#   request link  依頼リンク（依頼する相手に送る）
#   inbox link    受信用リンク（そのページ: 受信ページ）。回答を開ける唯一のリンク
#   withdraw      取り下げる（依頼した人が期限前に依頼を終了する）
#
# です・ます調。「表示／非表示」はパスフレーズにだけ使い、シークレットの
# 「開封」と区別します。数字と助数詞の間にはスペースを入れません。

## すべての画面の共通部分

skip-to-content = 本文へスキップ
brand-label = self-destruct-o：新しいシークレットを共有
tagline = サーバーにも読めない、一度きりのシークレット
footer = ブラウザー内でエンドツーエンドで暗号化されます。鍵はリンクの「#」より後ろの部分にあり、ブラウザーがこの部分をサーバーに送信することはありません。
language-label = 言語
page-title = { $page } · self-destruct-o
## 作成

create-title = シークレットを一度だけ共有
create-lede = シークレットはこのブラウザー内で暗号化されます。鍵はリンクに含まれ、サーバーには暗号化されたデータしか保存されません。そのデータも、閲覧されるとサーバーから破棄されます。
mode-legend = 共有するもの
mode-text = テキスト
mode-file = ファイル
secret-legend = シークレットと保護方法
secret-label = シークレット
secret-placeholder = パスワード、APIキー、リカバリーコード、非公開のメモなど…
secret-empty = 共有するシークレットを入力してください。
secret-too-long = シークレットが長すぎます。上限は約{ $limit }です。
file-label = ファイル
file-hint = ファイルは1つ、{ $limit }までです。アップロード前にこのブラウザー内で暗号化されます。このページにファイルをドロップしたり、貼り付けたりすることもできます。
file-missing = 共有するファイルを選択してください。
file-remove = 削除
file-remove-label = { $name }を削除
file-too-large = 「{ $name }」のサイズは{ $size }です。上限は{ $limit }です。
file-unreadable = 「{ $name }」を読み込めませんでした。もう一度選択してください。
file-only-one = 一度に共有できるファイルは1つです（{ $count }個のファイルがドロップまたは貼り付けされました）。
file-dropped = 「{ $name }」（{ $size }）を追加しました。
drop-here = ここにファイルをドロップして共有
passphrase-optional-label = パスフレーズ（任意）
passphrase-create-hint = 受信者には、リンクとこのパスフレーズの両方が必要です。パスフレーズは別の方法（電話、別のアプリなど）で伝えてください。
passphrase-show = 表示
passphrase-hide = 非表示
passphrase-show-label = パスフレーズを表示
passphrase-hide-label = パスフレーズを非表示
strength = 強度：{ $level }
strength-very-weak = 非常に弱い
strength-weak = 弱い
strength-fair = 普通
strength-strong = 強い
strength-very-strong = 非常に強い
generator-open = パスフレーズを提案
generator-title = 提案されたパスフレーズ
generator-words = 単語
generator-characters = ランダムな文字
generator-kind-legend = 構成
generator-entropy = エントロピーは{ $bits }ビットです。推測するには最大で2の{ $bits }乗回の試行が必要です。
generator-words-detail = 7,776語のリストから無作為に選んだ{ $count }個の単語です。
generator-characters-detail = 英字、数字、記号から無作為に選んだ{ $count }文字です。
generator-again = 別の候補を提案
generator-use = このパスフレーズを使用
generator-loading = 単語リストを読み込み中…
generator-failed = 単語リストを読み込めませんでした。代わりにランダムな文字をお試しください。
expiry-label = 有効期間
expiry-custom = カスタム…
expiry-amount-label = カスタム有効期間の数値
expiry-unit-label = カスタム有効期間の単位
unit-minutes = 分
unit-hours = 時間
unit-days = 日
expiry-range = { $min }～{ $max }の範囲です。
expiry-not-number = カスタム有効期間には整数を入力してください。
expiry-out-of-range = 有効期間は{ $min }～{ $max }の範囲で指定してください。
views-label = 閲覧回数
views-hint = この回数だけ閲覧されると破棄されます（最大{ $max }回）。
views-out-of-range = 閲覧回数は1～{ $max }の範囲で入力してください。
create-failed = シークレットを作成できませんでした
create-button = シークレットのリンクを作成
stage-stretching = パスフレーズを強化中…
stage-stretching-detail = パスフレーズを推測しにくくするため、あえて少し時間をかけています。この間もページは操作できます。
stage-encrypting = ブラウザー内で暗号化中…
stage-uploading = 暗号化したシークレットをアップロード中…
no-randomness = このブラウザーでは安全なランダムキーを生成できませんでした。別のブラウザーをお試しください。

## リンクの準備ができました

created-title = シークレットのリンクができました
created-lifetime = { $views }回閲覧でき、有効期限は{ $when }です。
share-link-label = 共有リンク
share-link-hint = このリンクを開いた人は誰でもシークレットを閲覧できます。受信者だけに送ってください。
share-link-hint-protected = このリンクでシークレットを開くには、パスフレーズも必要です。
copy = コピー
copy-share-link = 共有リンクをコピー
copy-receipt-link = 確認用リンクをコピー
copy-passphrase = パスフレーズをコピー
copied = コピーしました
copy-failed = コピーできませんでした。選択して手動でコピーしてください
copied-announcement = クリップボードにコピーしました。
copy-failed-announcement = コピーできませんでした。テキストを選択して手動でコピーしてください。
separate-title = リンクとパスフレーズは別々に送ってください
separate-text = リンクはある経路（メールなど）で、パスフレーズは別の経路（電話、別のメッセージアプリなど）で送ってください。どちらか一方だけを傍受されても、シークレットは閲覧できません。
link-is-key-title = リンクが鍵です
link-is-key-text = このリンクだけでシークレットを開けます。信頼できる経路で送るか、次回はパスフレーズを設定して別の方法で伝えてください。
your-passphrase-label = 設定したパスフレーズ
your-passphrase-hint = 今すぐ確認してください。後から復元することはできず、受信者にはこれとまったく同じパスフレーズが必要です。
qr-alt = 共有リンクのQRコード
qr-caption = スキャンしてスマートフォンで開く
receipt-box-title = 非公開の確認用リンク
receipt-link-label = 確認用リンク（これは手元に保管）
receipt-link-hint = あなた専用のリンクです。シークレットが閲覧されたかどうかを確認でき、期限前に破棄することもできます。このリンクではシークレットを開けません。
open-receipt = 確認ページを新しいタブで開く
create-another = 別のシークレットを作成
receipt-not-copied = 確認用リンクをまだコピーしておらず、開いてもいません。このリンクがないと、後でこのシークレットを確認したり破棄したりできません。このままページを離れますか？
remember-receipt = このブラウザーに確認用リンクを保存
remember-receipt-hint = このブラウザーのストレージに保存するのは確認用リンクだけで、共有リンクは保存しません。後から確認用リンクに戻れます。一覧はいつでも消去できます。

## 最近のシークレット（任意）

recent-title = 最近のシークレット
recent-item = 作成日時：{ $date }
recent-clear = すべて消去
recent-cleared = 確認用リンクの一覧をこのブラウザーから消去しました。

## 開封

reveal-title = シークレットが届いています
checking = シークレットがまだ存在するか確認しています…
reveal-views-once = 閲覧できるのは1回だけです。開封すると、サーバー上のシークレットは破棄されます。
reveal-views-more = あと{ $views }回閲覧できます。開封すると1回分を使います。
reveal-expires = 有効期限は{ $when }です。
reveal-attempts = パスフレーズを合計{ $attempts }回間違えると、シークレットは破棄されます。
passphrase-label = パスフレーズ
reveal-passphrase-hint = パスフレーズは、リンクとは別に送信者から伝えられているはずです。
passphrase-missing = 伝えられたパスフレーズを入力してください。
reveal-button = シークレットを開封
reveal-ready-hint = コピーや保存の準備ができてから開封してください。
stage-deriving = パスフレーズを確認中…
stage-fetching = 取得して復号中…
derive-failed = このブラウザーでは、パスフレーズから鍵を算出できませんでした。閲覧回数は使われていません。もう一度試すか、別のブラウザーをお使いください。
check-failed = シークレットを確認できませんでした
try-again = 再試行
gone-title = このシークレットはもうありません
gone-text = すでに閲覧された、送信者によって破棄された、有効期限が切れた、またはリンクが不完全である可能性があります。ご自身で閲覧していない場合は、送信者に知らせてください。ほかの誰かが閲覧した可能性があります。
locked-title = このシークレットは破棄されました
locked-text = 間違ったパスフレーズが何度も入力されたため、サーバーがシークレットを破棄しました。新しいシークレットを作成するよう送信者に依頼してください。
undecryptable-title = シークレットを復号できませんでした
undecryptable-text = サーバーからは送信されましたが、このリンクでは開けません。コピーの際にリンクが壊れた可能性があります。再取得はできないため、新しいシークレットを送信者に依頼してください。
outcome-unknown-title = 使用済みになった可能性があります
outcome-unknown-text = 今回のリクエストで閲覧回数が使われたかどうか、サーバーで確認できませんでした。シークレットはもうない可能性があります。リンクをもう一度試す前に、確認ページを見てもらうよう送信者に依頼してください。
cleared-title = このページから削除しました
cleared-text = シークレットはここにはもう表示されません。開封によって、サーバー上の閲覧回数を1回使いました。それが最後の1回だった場合、シークレットはサーバー上で破棄されています。
create-your-own = 自分でシークレットを作成

## 開封後

revealed-title = シークレットはこちらです
revealed-destroyed = サーバー上のシークレットは破棄されました。このページにあるのが唯一のコピーです。ページを離れる前にコピーまたは保存してください。
revealed-views-left = 送信者は、あと{ $views }回の閲覧を許可しています。
secret-text-label = シークレット
copy-secret = シークレットをコピー
save-file = ファイルを保存
save-failed = このブラウザーではファイルを保存できませんでした。もう一度試すか、別のブラウザーをお試しください。
clear = 完了：このページから削除

## 確認ページ

receipt-title = 確認ページ
receipt-lede = 送信したシークレットの状況を、あなただけが確認できるページです。このリンクではシークレットを開けませんが、他人には教えないでください。
receipt-loading = 確認ページを読み込み中…
receipt-gone-title = このシークレットの記録はありません
receipt-gone-text = 有効期限が切れて削除されたか、この確認用リンクが不完全です。確認ページの記録は、シークレットの有効期限までしか保管されません。
receipt-failed = 確認ページを読み込めませんでした
state-waiting = 未閲覧
state-revealed = 閲覧済み
state-burned = 破棄済み
state-locked = ロック済み
state-expired = 期限切れ
receipt-when = { $relative }（{ $date }）
receipt-first-viewed = { $when }に初めて閲覧されました。
receipt-not-viewed = まだ閲覧されていません。
receipt-views-left = あと{ $views }回閲覧でき、有効期限は{ $when }です。
receipt-viewed-at = { $when }に閲覧され、破棄されました。
receipt-viewed = 閲覧され、破棄されました。
receipt-burned = 誰も閲覧しないうちに破棄されました。
receipt-locked = 間違ったパスフレーズが何度も入力されたため、破棄されました。受信者によるものでない場合、ほかの誰かがリンクを持っています。
receipt-expired = 閲覧されないまま有効期限が切れました。
receipt-changed = ステータス：{ $state }。
fact-created = 作成日時
fact-expires = 有効期限
fact-views-left = 残りの閲覧回数
fact-wrong-passphrases = パスフレーズの誤入力
burn = 今すぐ破棄
burn-confirm-text = シークレットを今すぐ破棄しますか？誰も閲覧できなくなります。
burn-confirm = はい、破棄します
cancel = キャンセル
burn-failed = シークレットを破棄できませんでした
refresh = 更新
create-new = 新しいシークレットを作成
notify-label = 閲覧されたら通知する
notify-hint = このページを開いている間、ブラウザーに通知が表示されます。
notify-blocked = このサイトの通知はブロックされています。ブラウザーのサイト設定で通知を許可してから、もう一度お試しください。
notify-unsupported = このブラウザーは通知を表示できません。
notify-title = シークレットが閲覧されました
notify-body = self-destruct-oで共有したシークレットが閲覧されました。

## ホーム：共有または依頼

home-tabs-label = 操作の選択
tab-share = シークレットを共有
tab-request = シークレットを依頼

## シークレットを依頼する（依頼する人）

request-title = 相手にシークレットを依頼
request-lede = 依頼リンクを作成して、シークレットを持っている人に送ってください。相手が送るものは相手のブラウザー内で暗号化され、あなたの受信用リンクでしか開けません。サーバーにも開けません。
request-legend = 依頼内容
request-note-label = 相手へのメモ（任意）
request-note-placeholder = 例：ステージング環境のデータベースのパスワードをお願いします
request-note-hint = 依頼リンクを開いた人は誰でもメモを読めます（サーバーは読めません）。メモにはシークレットを書かないでください。
request-note-too-long = メモが長すぎます。上限は約{ $limit }です。
request-button = 依頼リンクを作成
request-failed = 依頼を作成できませんでした
request-stage-preparing = ブラウザー内で鍵を作成中…
request-stage-uploading = 依頼を作成中…
request-prepare-failed = このブラウザーでは依頼用の鍵を作成できませんでした。もう一度試すか、別のブラウザーをお使いください。
request-unavailable = このサーバーはシークレットの依頼を受け付けていません。

## 依頼の準備ができました

request-made-title = 依頼リンクができました
request-made-lede = シークレットを持っている人に依頼リンクを送ってください。回答できるのは1回だけで、有効期限は{ $when }です。
request-link-label = 依頼リンク（これを相手に送る）
request-link-hint = このリンクを開いた人は誰でも、あなたにシークレットを1つ送れます。依頼する相手だけに送ってください。
request-link-hint-note = このリンクを開いた人は誰でも、あなたのメモを読み、あなたにシークレットを1つ送れます。依頼する相手だけに送ってください。
copy-request-link = 依頼リンクをコピー
request-how-title = 回答を開けるのはあなただけです
request-how-text = 相手のシークレットは、この依頼リンクに含まれる鍵を使って相手のブラウザー内で暗号化されます。復号できるのはあなたの受信用リンクだけです。サーバーは暗号化されたまま保存し、一度だけ送信します。
request-qr-alt = 依頼リンクのQRコード
inbox-box-title = 非公開の受信用リンク
inbox-link-label = 受信用リンク（これは手元に保管）
inbox-link-hint = 相手が送ったものを開けるのは、このリンクだけです。このリンクはほかのどこにも保存されません。なくすと、誰も回答を開けなくなります。
copy-inbox-link = 受信用リンクをコピー
open-inbox = 受信ページを新しいタブで開く
request-another = 別の依頼を作成
inbox-not-copied = 受信用リンクをまだコピーしておらず、開いてもいません。このリンクがないと、誰も回答を開けません。このままページを離れますか？

## 依頼に回答する（依頼された人）

respond-title = シークレットの依頼が届いています
respond-lede = 送信する内容はこのブラウザー内で暗号化され、依頼した人だけが一度だけ開けます。サーバーには読めません。
respond-expires = この依頼には{ $when }まで回答できます。
respond-checking = 依頼を確認中…
respond-check-failed = 依頼を確認できませんでした
respond-note-label = 依頼者からのメモ
respond-note-warning = このメモは、依頼リンクを作成した人が書いたものです（それが誰であっても）。誰が何のために依頼しているのかがわかる場合にだけ、シークレットを送ってください。
respond-button = 暗号化して送信
respond-failed = シークレットを送信できませんでした
respond-stage-encrypting = ブラウザー内で暗号化中…
respond-stage-uploading = 暗号化したシークレットを送信中…
respond-seal-failed = このブラウザーではシークレットを暗号化できませんでした。何も送信されていません。もう一度試すか、別のブラウザーをお使いください。
respond-not-stored = シークレットが保存されたことをサーバーで確認できませんでした。依頼はまだ回答を待っています。もう一度送信してください。
sent-title = 送信しました。開けるのは依頼した人だけです
sent-text = シークレットはこのブラウザー内で暗号化され、依頼した人のために保存されました。開けるのはその人の受信用リンクだけで、それも一度きりです。このページは閉じてかまいません。
answered-title = この依頼にはすでに回答があります
answered-text = この依頼にはすでにシークレットが送られています。1つの依頼に送れるシークレットは1つだけです。あなたのシークレットは送信されていません。もう一方の回答があなたのものでない場合は、依頼した人に知らせてください。
request-gone-title = この依頼は終了しています
request-gone-text = 有効期限が切れた、取り下げられた、またはリンクが不完全である可能性があります。何も送信されていません。相手がまだシークレットを必要としている場合は、新しい依頼リンクを送ってもらってください。
respond-unknown-title = おそらく送信されています
respond-unknown-text = シークレットが保存されたことをサーバーで確認できませんでしたが、依頼は回答済みになっています。別の方法でもう一度送る前に、受け取ったかどうかを依頼した人に確認してください。
note-unreadable-title = この依頼リンクは破損しています
note-unreadable-text = このリンクではメモを開けません。コピーの際にリンクが変わってしまった可能性があります。何も送信されていません。もう一度リンクを送ってもらってください。

## 依頼の受信ページ（依頼した人）

inbox-title = あなたの依頼
inbox-lede = あなた専用の受信ページです。送られたものを開けるのはこのリンクだけです。他人には教えないでください。
inbox-loading = 依頼を読み込み中…
inbox-failed = 依頼を読み込めませんでした
request-state-open = 回答待ち
request-state-filled = 回答済み
request-state-collected = 開封済み
request-state-cancelled = 取り下げ済み
request-state-expired = 期限切れ
inbox-open = まだ回答はありません。依頼リンクは{ $when }まで有効です。このページは数秒ごとに確認し直します。
inbox-filled = { $when }に回答が届きました。開くとサーバー上の回答は破棄されるため、コピーや保存の準備ができてから開いてください。開くまでは{ $expires }まで保管されます。
inbox-collected = { $when }に回答を開きました。サーバーにはもう残っていません。
inbox-collected-unknown = 回答は開かれました。サーバーにはもう残っていません。
inbox-cancelled = 依頼を取り下げたため、この依頼にはもう何も送信できません。
inbox-expired = 回答がないまま、または回答が開かれないまま、この依頼の有効期限が切れました。
inbox-changed = ステータス：{ $state }。
collect-button = シークレットを開く
collect-stage = 取得して復号中…
collect-failed = シークレットを開けませんでした
withdraw = 依頼を取り下げる
withdraw-confirm-text = 依頼を取り下げますか？依頼リンクは使えなくなり、まだ開いていない回答は破棄されます。
withdraw-confirm = はい、取り下げます
withdraw-failed = 依頼を取り下げられませんでした
notify-answered-label = 回答があったら通知する
notify-answered-title = 依頼に回答がありました
notify-answered-body = self-destruct-oで依頼したシークレットが送られてきました。
inbox-gone-title = この依頼の記録はありません
inbox-gone-text = 有効期限が切れて削除されたか、この受信用リンクが不完全です。
collect-lost-title = 回答は送信されましたが、このページに届きませんでした
collect-lost-text = サーバーはシークレットを送信しましたが、途中で失われたため、もう残っていません。新しい依頼に回答してもらうよう相手に頼んでください。
collect-undecryptable-title = 回答を復号できませんでした
collect-undecryptable-text = サーバーからは送信されましたが、この受信用リンクでは開けません。コピーの際にリンクが壊れた可能性があります。再取得はできないため、新しい依頼を作成してください。
inbox-cleared-text = シークレットはここにはもう表示されません。開いた時点で、サーバー上のシークレットは破棄されています。

## 使えるリンクではない（またはもう使えない）アドレス

key-removed-title = リンクをもう一度開いてください
key-removed-text = 安全のため、このページはシークレットの鍵を読み取るとすぐにアドレスバーから削除します。そのため、再読み込みしても鍵は戻りません。元のリンクをもう一度開いてください。再読み込みの前にシークレットを開封していた場合は、閲覧回数を1回使っています。
receipt-token-removed-title = 確認用リンクをもう一度開いてください
receipt-token-removed-text = 安全のため、このページは確認ページの鍵を読み取るとすぐにアドレスバーから削除します。そのため、再読み込みしても鍵は戻りません。保管している確認用リンクをもう一度開いてください。
request-key-removed-title = 依頼リンクをもう一度開いてください
request-key-removed-text = 安全のため、このページは依頼の鍵を読み取るとすぐにアドレスバーから削除します。そのため、再読み込みしても鍵は戻りません。メッセージにある依頼リンクをもう一度開いてください。依頼リンクは回答されるまで使えます。
inbox-key-removed-title = 受信用リンクをもう一度開いてください
inbox-key-removed-text = 安全のため、このページは受信ページの鍵を読み取るとすぐにアドレスバーから削除します。そのため、再読み込みしても鍵は戻りません。保管している受信用リンクをもう一度開いてください。
damaged-title = このリンクは破損しています
damaged-text = リンクの一部が欠けているか変更されているため、このページはサーバーに問い合わせていません。メッセージからリンク全体をもう一度コピーしてください。
not-found-title = ページが見つかりません
not-found-text = このアドレスは、このアプリのページではありません。
create-secret = シークレットを作成

## このページの版（ブラウザーで暗号化・復号するすべてのページ）

out-of-date-link = このページはサーバーの現在のバージョンより古いため、必要なものを読み込めません。何も使われていません。リンクを開き直してください（このページを再読み込みしても鍵は戻りません）。
out-of-date-form = このページはサーバーの現在のバージョンより古いため、必要なものを読み込めません。何も送信されていません。ページを再読み込みして、もう一度お試しください（ここに入力した内容は保持されません）。
out-of-date-answer = このページはサーバーの現在のバージョンより古いため、必要なものを読み込めません。何も送信されていません。入力した内容をコピーしてから、依頼リンクを開き直してください（このページを再読み込みしても鍵は戻りません）。
worker-failed = このブラウザーでは、復号を行うページの部分を起動できませんでした。何も使われていません。もう一度試すか、別のブラウザーをお使いください。

## サーバーまたは通信経路からのエラー

error-network = サーバーに接続できませんでした。接続を確認して、もう一度お試しください。
error-not-found = このシークレットは存在しないか、すでに利用できません。
error-wrong-passphrase-last = パスフレーズが違います。これが最後の試行だったため、シークレットは破棄されました。
error-wrong-passphrase = パスフレーズが違います。あと{ $attempts }回間違えると、シークレットは破棄されます。
error-rate-limited-for = リクエストが多すぎます。{ $secs }秒後にもう一度お試しください。
error-rate-limited = リクエストが多すぎます。1分後にもう一度お試しください。
error-too-large = シークレットが、このサーバーで受け付けられるサイズを超えています。
error-invalid = サーバーがリクエストを拒否しました。ページを再読み込みして、もう一度お試しください。再び発生する場合は、このページがサーバーより古い可能性があります。
split-failed = このページの一部を読み込めませんでした。接続が切れたか、サイトが更新されました。続ける前にページを再読み込みしてください。ここに入力した内容は保持されません。
boot-failed = アプリを起動できませんでした。このブラウザーには JavaScript モジュールと WebAssembly が必要です。最新の Firefox、Chrome、Safari、Edge をお試しいただくか、ページを再読み込みしてください。
error-unavailable = サーバーが混み合っているか、サーバーが利用しているサービスが停止しています。閲覧回数は使われていません。しばらくしてからもう一度お試しください。
error-outcome-unknown = この操作でシークレットが使用済みになったかどうか、サーバーで確認できませんでした。シークレットはもうない可能性があります。誰かがもう一度試す前に、確認ページを見てもらうよう送信者に依頼してください。
error-server = サーバーで問題が発生しました（エラー{ $status }）。しばらくしてからもう一度お試しください。
error-bad-response = サーバーの応答を解釈できませんでした。しばらくしてからもう一度お試しください。

## サイズ（数値はフォーマット済み）

size-bytes = { $count }バイト
size-kib = { $size } KiB
size-mib = { $size } MiB
