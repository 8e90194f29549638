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

## 使えるリンクではない（またはもう使えない）アドレス

key-removed-title = リンクをもう一度開いてください
key-removed-text = 安全のため、このページはシークレットの鍵を読み取るとすぐにアドレスバーから削除します。そのため、再読み込みしても鍵は戻りません。元のリンクをもう一度開いてください。再読み込みの前にシークレットを開封していた場合は、閲覧回数を1回使っています。
receipt-token-removed-title = 確認用リンクをもう一度開いてください
receipt-token-removed-text = 安全のため、このページは確認ページの鍵を読み取るとすぐにアドレスバーから削除します。そのため、再読み込みしても鍵は戻りません。保管している確認用リンクをもう一度開いてください。
damaged-title = このリンクは破損しています
damaged-text = リンクの一部が欠けているか変更されているため、このページはサーバーに問い合わせていません。メッセージからリンク全体をもう一度コピーしてください。
not-found-title = ページが見つかりません
not-found-text = このアドレスは、このアプリのページではありません。
create-secret = シークレットを作成

## サーバーまたは通信経路からのエラー

error-network = サーバーに接続できませんでした。接続を確認して、もう一度お試しください。
error-not-found = このシークレットは存在しないか、すでに利用できません。
error-wrong-passphrase-last = パスフレーズが違います。これが最後の試行だったため、シークレットは破棄されました。
error-wrong-passphrase = パスフレーズが違います。あと{ $attempts }回間違えると、シークレットは破棄されます。
error-rate-limited-for = リクエストが多すぎます。{ $secs }秒後にもう一度お試しください。
error-rate-limited = リクエストが多すぎます。1分後にもう一度お試しください。
error-too-large = シークレットが、このサーバーで受け付けられるサイズを超えています。
error-invalid = サーバーがリクエストを拒否しました。ページを再読み込みして、もう一度お試しください。再び発生する場合は、このページがサーバーより古い可能性があります。
error-unavailable = サーバーが混み合っているか、サーバーが利用しているサービスが停止しています。閲覧回数は使われていません。しばらくしてからもう一度お試しください。
error-outcome-unknown = この操作でシークレットが使用済みになったかどうか、サーバーで確認できませんでした。シークレットはもうない可能性があります。誰かがもう一度試す前に、確認ページを見てもらうよう送信者に依頼してください。
error-server = サーバーで問題が発生しました（エラー{ $status }）。しばらくしてからもう一度お試しください。
error-bad-response = サーバーの応答を解釈できませんでした。しばらくしてからもう一度お試しください。

## サイズ（数値はフォーマット済み）

size-bytes = { $count }バイト
size-kib = { $size } KiB
size-mib = { $size } MiB
