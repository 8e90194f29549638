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
#   request       demande (verbe : demander) ; answer : réponse (répondre)
#   request link  lien de demande (envoyé à la personne sollicitée)
#   inbox link    lien de réception (la page : la boîte de réception) ; seul
#                 lien qui ouvre la réponse
#   withdraw      retirer (la demande, avant son terme)
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

## Accueil : partager ou demander

home-tabs-label = Que faire ?
tab-share = Partager un secret
tab-request = Demander un secret

## Demander un secret (la personne qui demande)

request-title = Demander un secret à quelqu’un
request-lede = Créez un lien de demande et envoyez-le à la personne qui détient le secret. Ce qu’elle envoie est chiffré dans son navigateur, de sorte que seul votre lien de réception peut l’ouvrir ; le serveur, lui, ne le peut pas.
request-legend = La demande
request-note-label = Note pour la personne (facultative)
request-note-placeholder = Par exemple : le mot de passe de la base de données de préproduction, s’il vous plaît
request-note-hint = Quiconque ouvre le lien de demande peut la lire ; le serveur, non. N’y mettez pas de secret.
request-note-too-long = La note est trop longue : la limite est d’environ { $limit }.
request-button = Créer le lien de demande
request-failed = La demande n’a pas été créée
request-stage-preparing = Création des clés dans votre navigateur…
request-stage-uploading = Création de la demande…
request-prepare-failed = Ce navigateur n’a pas pu créer les clés de la demande. Réessayez, ou utilisez un autre navigateur.
request-unavailable = Ce serveur n’accepte pas les demandes de secrets.

## La demande est prête

request-made-title = Votre lien de demande est prêt
request-made-lede = Envoyez le lien de demande à la personne qui détient le secret. La demande n’accepte qu’une seule réponse et expire { $when }.
request-link-label = Lien de demande (à envoyer)
request-link-hint = Toute personne qui l’ouvre peut vous envoyer un secret. Envoyez-le uniquement à la personne à qui vous le demandez.
request-link-hint-note = Toute personne qui l’ouvre voit votre note et peut vous envoyer un secret. Envoyez-le uniquement à la personne à qui vous le demandez.
copy-request-link = Copier le lien de demande
request-how-title = Personne d’autre que vous ne peut ouvrir la réponse
request-how-text = Son secret est chiffré dans son navigateur avec une clé issue de ce lien de demande, et seul votre lien de réception peut le déchiffrer. Le serveur le stocke chiffré et ne le transmet qu’une fois.
request-qr-alt = Code QR du lien de demande
inbox-box-title = Lien de réception privé
inbox-link-label = Lien de réception (à conserver)
inbox-link-hint = Seul ce lien peut ouvrir ce que la personne envoie. Il n’est conservé nulle part ailleurs : si vous le perdez, personne ne pourra ouvrir la réponse.
copy-inbox-link = Copier le lien de réception
open-inbox = Ouvrir la boîte de réception dans un nouvel onglet
request-another = Faire une autre demande
inbox-not-copied = Vous n’avez ni copié ni ouvert le lien de réception. Sans lui, personne ne pourra ouvrir la réponse. Quitter quand même cette page ?

## Répondre à une demande (la personne sollicitée)

respond-title = Quelqu’un vous demande un secret
respond-lede = Ce que vous envoyez est chiffré dans ce navigateur, de sorte que seule la personne qui l’a demandé peut l’ouvrir, une seule fois. Le serveur ne peut pas le lire.
respond-expires = Vous pouvez répondre à la demande jusqu’à son expiration, { $when }.
respond-checking = Vérification de la demande…
respond-check-failed = Impossible de vérifier la demande
respond-note-label = Note de la personne
respond-note-warning = La note vient de la personne qui a créé le lien de demande, quelle qu’elle soit. N’envoyez le secret que si vous savez qui le demande et pourquoi.
respond-button = Chiffrer et envoyer
respond-failed = Le secret n’a pas été envoyé
respond-stage-encrypting = Chiffrement dans votre navigateur…
respond-stage-uploading = Envoi du secret chiffré…
respond-seal-failed = Ce navigateur n’a pas pu chiffrer le secret. Rien n’a été envoyé ; réessayez, ou utilisez un autre navigateur.
respond-not-stored = Le serveur n’a pas pu confirmer l’enregistrement de votre secret, et la demande attend toujours une réponse. Envoyez-le à nouveau.
sent-title = Envoyé : seule la personne qui l’a demandé peut l’ouvrir
sent-text = Votre secret a été chiffré dans ce navigateur et conservé pour la personne qui l’a demandé. Seul son lien de réception l’ouvre, et une seule fois. Vous pouvez fermer cette page.
answered-title = Cette demande a déjà reçu une réponse
answered-text = Un secret a déjà été envoyé pour cette demande, et une demande n’en accepte qu’un seul. Le vôtre n’a pas été envoyé. Si l’autre réponse ne venait pas de vous, prévenez la personne qui a fait la demande.
request-gone-title = Cette demande est close
request-gone-text = Elle a expiré ou a été retirée, ou bien le lien est incomplet. Rien n’a été envoyé. Demandez un nouveau lien de demande à la personne si elle a toujours besoin du secret.
respond-unknown-title = Il a probablement été envoyé
respond-unknown-text = Le serveur n’a pas pu confirmer l’enregistrement de votre secret, mais la demande apparaît désormais comme ayant reçu une réponse. Demandez à la personne qui a fait la demande si elle l’a reçu avant de le renvoyer par un autre moyen.
note-unreadable-title = Ce lien de demande est endommagé
note-unreadable-text = Sa note ne s’ouvre pas avec ce lien : le lien a donc probablement été modifié lors de la copie. Rien n’a été envoyé. Demandez à nouveau le lien.

## La boîte de réception d’une demande (la personne qui demande)

inbox-title = Votre demande
inbox-lede = Votre boîte de réception privée. Seul ce lien peut ouvrir ce qui est envoyé ; gardez-le pour vous.
inbox-loading = Chargement de la demande…
inbox-failed = Impossible de charger la demande
request-state-open = En attente
request-state-filled = Réponse reçue
request-state-collected = Réponse ouverte
request-state-cancelled = Retirée
request-state-expired = Expirée
inbox-open = Personne n’a encore répondu. Le lien de demande fonctionne jusqu’à son expiration, { $when }. Cette page vérifie de nouveau à quelques secondes d’intervalle.
inbox-filled = Une réponse est arrivée { $when }. L’ouvrir la détruit sur le serveur : ouvrez-la seulement au moment de la copier ou de l’enregistrer. D’ici là, elle est conservée jusqu’à son expiration, { $expires }.
inbox-collected = Vous avez ouvert la réponse { $when } ; le serveur ne l’a plus.
inbox-collected-unknown = La réponse a été ouverte ; le serveur ne l’a plus.
inbox-cancelled = Vous avez retiré cette demande ; plus rien ne peut y être envoyé.
inbox-expired = Cette demande a expiré avant d’avoir reçu une réponse, ou avant que la réponse ait été ouverte.
inbox-changed = Statut : { $state }.
collect-button = Ouvrir le secret
collect-stage = Récupération et déchiffrement…
collect-failed = Impossible d’ouvrir le secret
withdraw = Retirer la demande
withdraw-confirm-text = Retirer la demande ? Le lien de demande cessera de fonctionner, et une réponse pas encore ouverte sera détruite.
withdraw-confirm = Oui, la retirer
withdraw-failed = Impossible de retirer la demande
notify-answered-label = M’avertir quand elle reçoit une réponse
notify-answered-title = Votre demande a reçu une réponse
notify-answered-body = Quelqu’un a envoyé le secret que vous avez demandé avec self-destruct-o.
inbox-gone-title = Aucune trace de cette demande
inbox-gone-text = Elle a expiré et a été supprimée, ou ce lien de réception est incomplet.
collect-lost-title = La réponse a été transmise, mais n’est pas arrivée sur cette page
collect-lost-text = Le serveur a transmis le secret, mais celui-ci s’est perdu en chemin : il n’existe donc plus. Demandez à la personne de répondre à une nouvelle demande.
collect-undecryptable-title = La réponse n’a pas pu être déchiffrée
collect-undecryptable-text = Le serveur l’a transmise, mais elle ne s’ouvre pas avec ce lien de réception : le lien a probablement été abîmé lors de la copie. Elle ne peut pas être récupérée à nouveau ; faites une nouvelle demande.
inbox-cleared-text = Le secret n’est plus affiché ici, et le serveur l’a détruit quand vous l’avez ouvert.

## Adresses qui ne sont pas (ou plus) un lien utilisable

key-removed-title = Rouvrez le lien
key-removed-text = Par sécurité, cette page retire la clé du secret de la barre d’adresse dès qu’elle l’a lue ; recharger la page ne permet donc pas de la retrouver. Rouvrez le lien d’origine. Si vous avez révélé le secret avant de recharger, cela a consommé une consultation.
receipt-token-removed-title = Rouvrez le lien de suivi
receipt-token-removed-text = Par sécurité, cette page retire la clé du suivi de la barre d’adresse dès qu’elle l’a lue ; recharger la page ne permet donc pas de la retrouver. Rouvrez le lien de suivi que vous avez conservé.
request-key-removed-title = Rouvrez le lien de demande
request-key-removed-text = Par sécurité, cette page retire la clé de la demande de la barre d’adresse dès qu’elle l’a lue ; recharger la page ne permet donc pas de la retrouver. Rouvrez le lien de demande depuis le message ; il fonctionne tant que la demande n’a pas reçu de réponse.
inbox-key-removed-title = Rouvrez le lien de réception
inbox-key-removed-text = Par sécurité, cette page retire la clé de réception de la barre d’adresse dès qu’elle l’a lue ; recharger la page ne permet donc pas de la retrouver. Rouvrez le lien de réception que vous avez conservé.
damaged-title = Ce lien est endommagé
damaged-text = Une partie manque ou a été modifiée ; cette page n’a donc pas contacté le serveur avec ce lien. Copiez à nouveau le lien complet depuis le message.
not-found-title = Rien ici
not-found-text = Cette adresse ne correspond à aucune page de cette application.
create-secret = Créer un secret

## La version de cette page (toute page qui chiffre ou déchiffre dans le navigateur)

out-of-date-link = Cette page est plus ancienne que la version actuelle du serveur et ne peut pas charger ce dont elle a besoin. Rien n’a été consommé : rouvrez le lien (recharger cette page ne peut pas en récupérer la clé).
out-of-date-form = Cette page est plus ancienne que la version actuelle du serveur et ne peut pas charger ce dont elle a besoin. Rien n’a été envoyé : rechargez la page et réessayez (ce que vous avez saisi ici n’est pas conservé).
out-of-date-answer = Cette page est plus ancienne que la version actuelle du serveur et ne peut pas charger ce dont elle a besoin. Rien n’a été envoyé : copiez ce que vous avez saisi, puis rouvrez le lien de demande (recharger cette page ne peut pas en récupérer la clé).
worker-failed = Ce navigateur n’a pas pu démarrer la partie de la page qui déchiffre. Rien n’a été consommé ; réessayez, ou utilisez un autre navigateur.

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
split-failed = Une partie de cette page n’a pas pu être chargée : la connexion a été interrompue, ou le site a été mis à jour. Rechargez la page avant de continuer ; ce que vous avez saisi ici ne sera pas conservé.
boot-failed = L’application n’a pas pu démarrer : ce navigateur doit prendre en charge les modules JavaScript et WebAssembly. Essayez une version récente de Firefox, Chrome, Safari ou Edge, ou rechargez la page.
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
