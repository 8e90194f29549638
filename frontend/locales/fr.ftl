# self-destruct-o, français (French).
#
# Glossaire, utilisé de façon uniforme dans ce fichier :
#   secret        secret
#   view          consultation (verbe : consulter)
#   reveal        révéler (« Révéler le secret »)
#   destroy       détruire
#   link          lien ; share link : lien de partage
#   receipt link  lien de suivi (la page : le suivi)
#   passphrase    phrase de passe
#
# Vouvoiement. « Afficher / Masquer » sert uniquement à la phrase de passe,
# pour ne pas se confondre avec « révéler » le secret. « Phrase de passe »
# plutôt que « phrase secrète », pour éviter toute confusion avec le secret.

## Le cadre de chaque écran

skip-to-content = Aller au contenu
brand-label = self-destruct-o : partager un nouveau secret
tagline = Des secrets à usage unique que le serveur ne peut pas lire
footer = Chiffré de bout en bout dans votre navigateur. La clé se trouve dans la partie du lien située après le #, que les navigateurs n’envoient jamais à un serveur.
language-label = Langue
page-title = { $page } · self-destruct-o
## Créer

create-title = Partager un secret, une seule fois
create-lede = Votre secret est chiffré dans ce navigateur. Le lien contient la clé ; le serveur ne stocke que des données chiffrées et les détruit dès que le secret a été consulté.
mode-legend = Que partager ?
mode-text = Texte
mode-file = Fichier
secret-legend = Le secret et sa protection
secret-label = Secret
secret-placeholder = Mot de passe, clé d’API, code de récupération, note privée…
secret-empty = Saisissez le secret à partager.
secret-too-long = Le secret est trop long : la limite est d’environ { $limit }.
file-label = Fichier
file-hint = Un seul fichier, jusqu’à { $limit }. Il est chiffré dans ce navigateur avant l’envoi. Vous pouvez aussi déposer un fichier sur cette page ou le coller.
file-missing = Choisissez un fichier à partager.
file-remove = Retirer
file-remove-label = Retirer { $name }
file-too-large = « { $name } » fait { $size } ; la limite est de { $limit }.
file-unreadable = Impossible de lire « { $name } ». Choisissez-le à nouveau.
file-only-one = Partagez un seul fichier à la fois : { $count } ont été déposés ou collés.
file-dropped = « { $name } » ajouté ({ $size }).
drop-here = Déposez le fichier ici pour le partager
passphrase-optional-label = Phrase de passe (facultative)
passphrase-create-hint = Le destinataire aura besoin du lien et de cette phrase de passe. Transmettez la phrase de passe par un autre moyen (un appel, une autre application).
passphrase-show = Afficher
passphrase-hide = Masquer
passphrase-show-label = Afficher la phrase de passe
passphrase-hide-label = Masquer la phrase de passe
strength = Robustesse : { $level }
strength-very-weak = très faible
strength-weak = faible
strength-fair = moyenne
strength-strong = élevée
strength-very-strong = très élevée
generator-open = Suggérer une phrase de passe
generator-title = Phrase de passe suggérée
generator-words = Mots
generator-characters = Caractères aléatoires
generator-kind-legend = Composée de
generator-entropy = { $bits } bits d’entropie : la deviner demanderait jusqu’à 2 puissance { $bits } essais.
generator-words-detail = { $count } mots tirés au hasard dans une liste de 7 776.
generator-characters-detail = { $count } caractères tirés au hasard parmi des lettres, des chiffres et des symboles.
generator-again = Autre suggestion
generator-use = Utiliser cette phrase de passe
generator-loading = Chargement de la liste de mots…
generator-failed = Impossible de charger la liste de mots. Essayez plutôt des caractères aléatoires.
expiry-label = Expire après
expiry-custom = Personnalisé…
expiry-amount-label = Durée d’expiration personnalisée
expiry-unit-label = Unité d’expiration personnalisée
unit-minutes = minutes
unit-hours = heures
unit-days = jours
expiry-range = Entre { $min } et { $max }.
expiry-not-number = Saisissez un nombre entier pour l’expiration personnalisée.
expiry-out-of-range = L’expiration doit être comprise entre { $min } et { $max }.
views-label = Consultations
views-hint = Détruit après ce nombre de consultations ({ $max } au maximum).
views-out-of-range = Saisissez un nombre de consultations compris entre 1 et { $max }.
create-failed = Le secret n’a pas été créé
create-button = Créer le lien du secret
stage-stretching = Renforcement de la phrase de passe…
stage-stretching-detail = Cette étape prend volontairement un peu de temps : elle rend la phrase de passe lente à deviner. La page reste utilisable.
stage-encrypting = Chiffrement dans votre navigateur…
stage-uploading = Envoi du secret chiffré…
no-randomness = Ce navigateur n’a pas pu générer de clé aléatoire sécurisée. Essayez un autre navigateur.

## Le lien est prêt

created-title = Le lien de votre secret est prêt
created-lifetime = { $views ->
    [one] Il peut être consulté une fois
    [many] Il peut être consulté { $views } de fois
   *[other] Il peut être consulté { $views } fois
} et expire { $when }.
share-link-label = Lien de partage
share-link-hint = Toute personne qui ouvre ce lien peut consulter le secret : envoyez-le uniquement au destinataire.
share-link-hint-protected = Le lien n’ouvre le secret qu’avec la phrase de passe.
copy = Copier
copy-share-link = Copier le lien de partage
copy-receipt-link = Copier le lien de suivi
copy-passphrase = Copier la phrase de passe
copied = Copié
copy-failed = Échec de la copie : sélectionnez et copiez manuellement
copied-announcement = Copié dans le presse-papiers.
copy-failed-announcement = Impossible de copier. Sélectionnez le texte et copiez-le manuellement.
separate-title = Envoyez le lien et la phrase de passe séparément
separate-text = Envoyez le lien par un canal (par exemple, par e-mail) et la phrase de passe par un autre (un appel téléphonique, une autre messagerie). Une personne qui n’intercepte que l’un des deux ne peut pas consulter le secret.
link-is-key-title = Le lien est la clé
link-is-key-text = Le lien suffit à ouvrir le secret. Envoyez-le par un canal de confiance, ou, la prochaine fois, ajoutez une phrase de passe et transmettez-la par un autre moyen.
your-passphrase-label = La phrase de passe choisie
your-passphrase-hint = Vérifiez-la maintenant : elle ne pourra pas être récupérée plus tard, et le destinataire devra la saisir exactement telle quelle.
qr-alt = Code QR du lien de partage
qr-caption = Scannez pour l’ouvrir sur un téléphone
receipt-box-title = Lien de suivi privé
receipt-link-label = Lien de suivi (à conserver)
receipt-link-hint = Pour vous uniquement : il indique si le secret a été consulté et vous permet de le détruire plus tôt. Il ne peut pas ouvrir le secret.
open-receipt = Ouvrir le suivi dans un nouvel onglet
create-another = Créer un autre secret
receipt-not-copied = Vous n’avez ni copié ni ouvert le lien de suivi. Sans lui, vous ne pourrez plus vérifier ni détruire ce secret. Quitter quand même cette page ?
remember-receipt = Mémoriser le lien de suivi dans ce navigateur
remember-receipt-hint = Seuls les liens de suivi, jamais les liens de partage, sont conservés dans le stockage de ce navigateur, pour que vous puissiez y revenir. Vous pouvez effacer la liste à tout moment.

## Secrets récents (sur demande)

recent-title = Vos secrets récents
recent-item = Créé le { $date }
recent-clear = Tout oublier
recent-cleared = La liste des liens de suivi a été effacée de ce navigateur.

## Révéler

reveal-title = Quelqu’un vous a envoyé un secret
checking = Vérification de la disponibilité du secret…
reveal-views-once = Il ne peut être consulté qu’une fois : le révéler le détruit sur le serveur.
reveal-views-more = Il peut encore être consulté { $views } fois ; le révéler consomme une consultation.
reveal-expires = Il expire { $when }.
reveal-attempts = { $attempts ->
    [one] Le secret est détruit après une phrase de passe erronée.
    [many] Le secret est détruit après { $attempts } de phrases de passe erronées au total.
   *[other] Le secret est détruit après { $attempts } phrases de passe erronées au total.
}
passphrase-label = Phrase de passe
reveal-passphrase-hint = L’expéditeur a dû vous la transmettre séparément du lien.
passphrase-missing = Saisissez la phrase de passe qui vous a été communiquée.
reveal-button = Révéler le secret
reveal-ready-hint = Révélez-le seulement au moment de le copier ou de l’enregistrer.
stage-deriving = Vérification de la phrase de passe…
stage-fetching = Récupération et déchiffrement…
derive-failed = Ce navigateur n’a pas pu calculer la clé à partir de la phrase de passe. Rien n’a été consommé ; réessayez, ou utilisez un autre navigateur.
check-failed = Impossible de vérifier le secret
try-again = Réessayer
gone-title = Ce secret n’est plus disponible
gone-text = Il a déjà été consulté, a été détruit par son expéditeur ou a expiré, ou bien le lien est incomplet. Si vous ne l’avez pas consulté vous-même, prévenez l’expéditeur : quelqu’un d’autre l’a peut-être fait.
locked-title = Ce secret a été détruit
locked-text = Trop de phrases de passe erronées ont été saisies, le serveur l’a donc détruit. Demandez à l’expéditeur d’en créer un nouveau.
undecryptable-title = Le secret n’a pas pu être déchiffré
undecryptable-text = Le serveur l’a transmis, mais il ne s’ouvre pas avec ce lien : le lien a probablement été abîmé lors de la copie. Il ne peut pas être récupéré à nouveau ; demandez-en un nouveau à l’expéditeur.
outcome-unknown-title = Il a peut-être été consommé
outcome-unknown-text = Le serveur n’a pas pu confirmer si votre demande a consommé une consultation. Le secret n’est peut-être plus disponible : demandez à l’expéditeur de vérifier le suivi avant de réessayer le lien.
cleared-title = Retiré de cette page
cleared-text = Le secret n’est plus affiché ici. Le révéler a consommé une consultation sur le serveur ; il y est détruit s’il s’agissait de sa dernière consultation.
create-your-own = Créer votre propre secret

## Révélé

revealed-title = Voici votre secret
revealed-destroyed = Il vient d’être détruit sur le serveur : cette page en contient la seule copie. Copiez-le ou enregistrez-le avant de partir.
revealed-views-left = { $views ->
    [one] L’expéditeur a autorisé une consultation supplémentaire.
    [many] L’expéditeur a autorisé { $views } de consultations supplémentaires.
   *[other] L’expéditeur a autorisé { $views } consultations supplémentaires.
}
secret-text-label = Le secret
copy-secret = Copier le secret
save-file = Enregistrer le fichier
save-failed = Ce navigateur n’a pas pu enregistrer le fichier. Réessayez, ou essayez un autre navigateur.
clear = Terminé : le retirer de cette page

## Suivi

receipt-title = Suivi
receipt-lede = Votre suivi privé du secret que vous avez envoyé. Ce lien ne peut pas ouvrir le secret ; gardez-le tout de même pour vous.
receipt-loading = Chargement du suivi…
receipt-gone-title = Aucune trace de ce secret
receipt-gone-text = Il a expiré et a été supprimé, ou ce lien de suivi est incomplet. Le suivi n’est conservé que jusqu’à l’expiration du secret.
receipt-failed = Impossible de charger le suivi
state-waiting = En attente
state-revealed = Consulté
state-burned = Détruit
state-locked = Verrouillé
state-expired = Expiré
receipt-when = { $relative } ({ $date })
receipt-first-viewed = Consulté pour la première fois { $when }.
receipt-not-viewed = Pas encore consulté.
receipt-views-left = { $views ->
    [one] { $views } consultation restante
    [many] { $views } de consultations restantes
   *[other] { $views } consultations restantes
} ; il expire { $when }.
receipt-viewed-at = Il a été consulté { $when } et est détruit.
receipt-viewed = Il a été consulté et est détruit.
receipt-burned = Il a été détruit avant d’avoir été consulté.
receipt-locked = Trop de phrases de passe erronées ont été saisies, il a donc été détruit. Si ce n’était pas le destinataire, quelqu’un d’autre a le lien.
receipt-expired = Il a expiré sans avoir été consulté.
receipt-changed = Statut : { $state }.
fact-created = Créé
fact-expires = Expire
fact-views-left = Consultations restantes
fact-wrong-passphrases = Phrases de passe erronées
burn = Détruire maintenant
burn-confirm-text = Détruire le secret maintenant ? Plus personne ne pourra le consulter.
burn-confirm = Oui, le détruire
cancel = Annuler
burn-failed = Impossible de détruire le secret
refresh = Actualiser
create-new = Créer un nouveau secret
notify-label = M’avertir quand il est consulté
notify-hint = Votre navigateur affiche une notification tant que cette page est ouverte.
notify-blocked = Les notifications sont bloquées pour ce site. Autorisez-les dans les paramètres du site de votre navigateur, puis réessayez.
notify-unsupported = Ce navigateur ne peut pas afficher de notifications.
notify-title = Votre secret a été consulté
notify-body = Le secret que vous avez partagé avec self-destruct-o a été consulté.

## Adresses qui ne sont pas (ou plus) un lien utilisable

key-removed-title = Rouvrez le lien
key-removed-text = Par sécurité, cette page retire la clé du secret de la barre d’adresse dès qu’elle l’a lue ; recharger la page ne permet donc pas de la retrouver. Rouvrez le lien d’origine. Si vous avez révélé le secret avant de recharger, cela a consommé une consultation.
receipt-token-removed-title = Rouvrez le lien de suivi
receipt-token-removed-text = Par sécurité, cette page retire la clé du suivi de la barre d’adresse dès qu’elle l’a lue ; recharger la page ne permet donc pas de la retrouver. Rouvrez le lien de suivi que vous avez conservé.
damaged-title = Ce lien est endommagé
damaged-text = Une partie manque ou a été modifiée ; cette page n’a donc pas contacté le serveur avec ce lien. Copiez à nouveau le lien complet depuis le message.
not-found-title = Rien ici
not-found-text = Cette adresse ne correspond à aucune page de cette application.
create-secret = Créer un secret

## Erreurs du serveur, ou de la connexion au serveur

error-network = Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.
error-not-found = Ce secret n’existe pas ou n’est plus disponible.
error-wrong-passphrase-last = Phrase de passe erronée, et c’était la dernière tentative : le secret a été détruit.
error-wrong-passphrase = Phrase de passe erronée. { $attempts ->
    [one] { $attempts } tentative restante
    [many] { $attempts } de tentatives restantes
   *[other] { $attempts } tentatives restantes
} avant la destruction du secret.
error-rate-limited-for = Trop de requêtes. Réessayez dans { $secs ->
    [one] { $secs } seconde
    [many] { $secs } de secondes
   *[other] { $secs } secondes
}.
error-rate-limited = Trop de requêtes. Réessayez dans une minute.
error-too-large = Le secret dépasse la taille acceptée par ce serveur.
error-invalid = Le serveur a refusé la requête. Rechargez la page et réessayez ; si le problème persiste, cette page est peut-être plus ancienne que le serveur.
error-unavailable = Le serveur est occupé ou un service dont il dépend est indisponible. Rien n’a été consommé ; réessayez dans un instant.
error-outcome-unknown = Le serveur n’a pas pu confirmer si le secret a été consommé. Il n’est peut-être plus disponible : demandez à l’expéditeur de vérifier le suivi avant que quiconque réessaie.
error-server = Le serveur a rencontré un problème (erreur { $status }). Réessayez dans un instant.
error-bad-response = La réponse du serveur n’a pas été comprise. Réessayez dans un instant.

## Tailles (le nombre est déjà formaté)

size-bytes = { $count ->
    [one] { $count } octet
    [many] { $count } d’octets
   *[other] { $count } octets
}
size-kib = { $size } KiB
size-mib = { $size } MiB
