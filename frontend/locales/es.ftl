# self-destruct-o, español (Spanish).
#
# Glosario, usado de forma uniforme en este archivo:
#   secret        secreto
#   view          visualización (verbo: ver)
#   reveal        revelar («Revelar secreto»)
#   destroy       destruir
#   link          enlace; share link: enlace para compartir
#   receipt link  enlace de seguimiento (la página: seguimiento)
#   passphrase    frase de contraseña
#   request       solicitud (verbo: pedir); answer: respuesta (responder)
#   request link  enlace de solicitud (se envía a la persona a quien se pide)
#   inbox link    enlace de recepción (la página: bandeja de entrada); el único
#                 que abre la respuesta
#   withdraw      retirar (la solicitud, antes de que caduque)
#
# Tratamiento: usted. Comillas: «…». «Mostrar / Ocultar» solo se usa para la
# frase de contraseña, para no confundirlo con «revelar» el secreto.

## El marco de todas las pantallas

skip-to-content = Saltar al contenido
brand-label = self-destruct-o: compartir un nuevo secreto
tagline = Secretos de un solo uso que el servidor no puede leer
footer = Cifrado de extremo a extremo en su navegador. La clave está en la parte del enlace que va después del #, que los navegadores nunca envían a ningún servidor.
language-label = Idioma
page-title = { $page } · self-destruct-o
## Crear

create-title = Comparta un secreto, una sola vez
create-lede = Su secreto se cifra en este navegador. El enlace contiene la clave; el servidor solo guarda datos cifrados y los destruye en cuanto el secreto se ha visto.
mode-legend = Qué desea compartir
mode-text = Texto
mode-file = Archivo
secret-legend = El secreto y su protección
secret-label = Secreto
secret-placeholder = Contraseña, clave de API, código de recuperación, una nota privada…
secret-empty = Escriba el secreto que desea compartir.
secret-too-long = El secreto es demasiado largo: el límite es de aproximadamente { $limit }.
file-label = Archivo
file-hint = Un solo archivo, de hasta { $limit }. Se cifra en este navegador antes de subirlo. También puede soltar un archivo en esta página o pegarlo.
file-missing = Elija un archivo para compartir.
file-remove = Quitar
file-remove-label = Quitar { $name }
file-too-large = «{ $name }» ocupa { $size }; el límite es de { $limit }.
file-unreadable = No se pudo leer «{ $name }». Vuelva a elegirlo.
file-only-one = Comparta un solo archivo cada vez: se han soltado o pegado { $count }.
file-dropped = Se ha añadido «{ $name }» ({ $size }).
drop-here = Suelte el archivo aquí para compartirlo
passphrase-optional-label = Frase de contraseña (opcional)
passphrase-create-hint = El destinatario necesitará el enlace y esta frase de contraseña. Envíe la frase de contraseña por otra vía (una llamada, otra aplicación).
passphrase-show = Mostrar
passphrase-hide = Ocultar
passphrase-show-label = Mostrar la frase de contraseña
passphrase-hide-label = Ocultar la frase de contraseña
strength = Seguridad: { $level }
strength-very-weak = muy baja
strength-weak = baja
strength-fair = media
strength-strong = alta
strength-very-strong = muy alta
generator-open = Sugerir una frase de contraseña
generator-title = Frase de contraseña sugerida
generator-words = Palabras
generator-characters = Caracteres aleatorios
generator-kind-legend = Formada por
generator-entropy = { $bits } bits de entropía: adivinarla requeriría hasta 2 elevado a { $bits } intentos.
generator-words-detail = { $count } palabras elegidas al azar de una lista de 7776.
generator-characters-detail = { $count } caracteres elegidos al azar entre letras, dígitos y símbolos.
generator-again = Sugerir otra
generator-use = Usar esta frase de contraseña
generator-loading = Cargando la lista de palabras…
generator-failed = No se pudo cargar la lista de palabras. Pruebe con caracteres aleatorios.
expiry-label = Caduca tras
expiry-custom = Personalizado…
expiry-amount-label = Cantidad de caducidad personalizada
expiry-unit-label = Unidad de caducidad personalizada
unit-minutes = minutos
unit-hours = horas
unit-days = días
expiry-range = Entre { $min } y { $max }.
expiry-not-number = Introduzca un número entero para la caducidad personalizada.
expiry-out-of-range = La caducidad debe estar entre { $min } y { $max }.
views-label = Visualizaciones
views-hint = Se destruye tras este número de visualizaciones (como máximo { $max }).
views-out-of-range = Introduzca un número de visualizaciones entre 1 y { $max }.
create-failed = No se ha creado el secreto
create-button = Crear enlace del secreto
stage-stretching = Reforzando la frase de contraseña…
stage-stretching-detail = Esto tarda un momento a propósito: así adivinar la frase de contraseña resulta lento. La página sigue respondiendo.
stage-encrypting = Cifrando en su navegador…
stage-uploading = Subiendo el secreto cifrado…
no-randomness = Este navegador no ha podido generar una clave aleatoria segura. Pruebe con otro navegador.

## El enlace está listo

created-title = El enlace de su secreto está listo
created-lifetime = { $views ->
    [one] Se puede ver una vez
    [many] Se puede ver { $views } de veces
   *[other] Se puede ver { $views } veces
} y caduca { $when }.
share-link-label = Enlace para compartir
share-link-hint = Cualquier persona que abra este enlace puede ver el secreto, así que envíelo solo al destinatario.
share-link-hint-protected = El enlace solo abre el secreto junto con la frase de contraseña.
copy = Copiar
copy-share-link = Copiar el enlace para compartir
copy-receipt-link = Copiar el enlace de seguimiento
copy-passphrase = Copiar la frase de contraseña
copied = Copiado
copy-failed = No se pudo copiar: selecciónelo y cópielo manualmente
copied-announcement = Copiado en el portapapeles.
copy-failed-announcement = No se pudo copiar. Seleccione el texto y cópielo manualmente.
separate-title = Envíe el enlace y la frase de contraseña por separado
separate-text = Envíe el enlace por un canal (por ejemplo, correo electrónico) y la frase de contraseña por otro (una llamada, otra aplicación de mensajería). Quien intercepte solo uno de los dos no podrá ver el secreto.
link-is-key-title = El enlace es la clave
link-is-key-text = El enlace por sí solo abre el secreto. Envíelo por un canal de confianza o, la próxima vez, añada una frase de contraseña y envíela por otra vía.
your-passphrase-label = La frase de contraseña que ha elegido
your-passphrase-hint = Compruébela ahora: no se podrá recuperar más tarde y el destinatario la necesitará exactamente como está.
qr-alt = Código QR del enlace para compartir
qr-caption = Escanéelo para abrirlo en un teléfono
receipt-box-title = Enlace de seguimiento privado
receipt-link-label = Enlace de seguimiento (guárdelo)
receipt-link-hint = Solo para usted: muestra si el secreto se ha visto y le permite destruirlo antes de tiempo. No puede abrir el secreto.
open-receipt = Abrir el seguimiento en una pestaña nueva
create-another = Crear otro secreto
receipt-not-copied = No ha copiado ni abierto el enlace de seguimiento. Sin él no podrá comprobar ni destruir este secreto más adelante. ¿Desea salir de esta página de todos modos?
remember-receipt = Recordar el enlace de seguimiento en este navegador
remember-receipt-hint = Guarda solo enlaces de seguimiento, nunca enlaces para compartir, en el almacenamiento de este navegador, para que pueda volver a ellos. Puede borrar la lista en cualquier momento.

## Secretos recientes (opcional)

recent-title = Sus secretos recientes
recent-item = Creado el { $date }
recent-clear = Olvidar todos
recent-cleared = Se ha borrado de este navegador la lista de enlaces de seguimiento.

## Revelar

reveal-title = Alguien le ha enviado un secreto
checking = Comprobando que el secreto sigue disponible…
reveal-views-once = Se puede ver una sola vez: al revelarlo, se destruye en el servidor.
reveal-views-more = Se puede ver { $views } veces más; al revelarlo se usa una visualización.
reveal-expires = Caduca { $when }.
reveal-attempts = { $attempts ->
    [one] El secreto se destruye tras una frase de contraseña incorrecta.
    [many] El secreto se destruye tras { $attempts } de frases de contraseña incorrectas en total.
   *[other] El secreto se destruye tras { $attempts } frases de contraseña incorrectas en total.
}
passphrase-label = Frase de contraseña
reveal-passphrase-hint = El remitente debería habérsela dado por separado del enlace.
passphrase-missing = Introduzca la frase de contraseña que le dieron.
reveal-button = Revelar secreto
reveal-ready-hint = Revélelo solo cuando vaya a copiarlo o guardarlo.
stage-deriving = Comprobando la frase de contraseña…
stage-fetching = Obteniendo y descifrando…
derive-failed = Este navegador no ha podido obtener la clave a partir de la frase de contraseña. No se ha consumido nada; vuelva a intentarlo o use otro navegador.
check-failed = No se pudo comprobar el secreto
try-again = Volver a intentar
gone-title = Este secreto ya no está disponible
gone-text = Ya se ha visto, su remitente lo ha destruido o ha caducado, o bien el enlace está incompleto. Si no lo ha visto usted, avise al remitente: puede que otra persona lo haya hecho.
locked-title = Este secreto se ha destruido
locked-text = Se introdujeron demasiadas frases de contraseña incorrectas, así que el servidor lo destruyó. Pida al remitente que cree uno nuevo.
undecryptable-title = No se pudo descifrar el secreto
undecryptable-text = El servidor lo entregó, pero no se abre con este enlace: probablemente el enlace se dañó al copiarlo. No se puede volver a obtener; pida uno nuevo al remitente.
outcome-unknown-title = Puede que se haya consumido
outcome-unknown-text = El servidor no pudo confirmar si su solicitud consumió una visualización. Puede que ya no esté disponible: pida al remitente que consulte el seguimiento antes de volver a probar el enlace.
cleared-title = Eliminado de esta página
cleared-text = El secreto ya no se muestra aquí. Al revelarlo se usó una visualización en el servidor; si era la última, allí se ha destruido.
create-your-own = Crear su propio secreto

## Revelado

revealed-title = Aquí tiene su secreto
revealed-destroyed = Ya se ha destruido en el servidor: esta página contiene la única copia. Cópielo o guárdelo antes de salir.
revealed-views-left = { $views ->
    [one] El remitente ha permitido una visualización más.
    [many] El remitente ha permitido { $views } de visualizaciones más.
   *[other] El remitente ha permitido { $views } visualizaciones más.
}
secret-text-label = El secreto
copy-secret = Copiar secreto
save-file = Guardar archivo
save-failed = Este navegador no ha podido guardar el archivo. Vuelva a intentarlo o pruebe con otro navegador.
clear = Listo: quitarlo de esta página

## Seguimiento

receipt-title = Seguimiento
receipt-lede = Su seguimiento privado del secreto que ha enviado. Este enlace no puede abrir el secreto; aun así, no lo comparta.
receipt-loading = Cargando el seguimiento…
receipt-gone-title = No hay registro de este secreto
receipt-gone-text = Caducó y se eliminó, o este enlace de seguimiento está incompleto. El seguimiento solo se conserva hasta que el secreto caduca.
receipt-failed = No se pudo cargar el seguimiento
state-waiting = Pendiente
state-revealed = Visto
state-burned = Destruido
state-locked = Bloqueado
state-expired = Caducado
receipt-when = { $relative } ({ $date })
receipt-first-viewed = Visto por primera vez { $when }.
receipt-not-viewed = Aún no se ha visto.
receipt-views-left = { $views ->
    [one] Queda 1 visualización
    [many] Quedan { $views } de visualizaciones
   *[other] Quedan { $views } visualizaciones
}; caduca { $when }.
receipt-viewed-at = Se vio { $when } y está destruido.
receipt-viewed = Se vio y está destruido.
receipt-burned = Se destruyó antes de que nadie lo viera.
receipt-locked = Se introdujeron demasiadas frases de contraseña incorrectas, así que se destruyó. Si no fue el destinatario, otra persona tiene el enlace.
receipt-expired = Caducó sin que nadie lo viera.
receipt-changed = Estado: { $state }.
fact-created = Creado
fact-expires = Caduca
fact-views-left = Visualizaciones restantes
fact-wrong-passphrases = Frases de contraseña incorrectas
burn = Destruir ahora
burn-confirm-text = ¿Destruir el secreto ahora? Nadie podrá verlo.
burn-confirm = Sí, destruirlo
cancel = Cancelar
burn-failed = No se pudo destruir el secreto
refresh = Actualizar
create-new = Crear un secreto nuevo
notify-label = Avisarme cuando se vea
notify-hint = Su navegador muestra una notificación mientras esta página esté abierta.
notify-blocked = Las notificaciones están bloqueadas para este sitio. Permítalas en la configuración del sitio del navegador y vuelva a intentarlo.
notify-unsupported = Este navegador no puede mostrar notificaciones.
notify-title = Su secreto se ha visto
notify-body = El secreto que compartió con self-destruct-o se ha visto.

## Inicio: compartir o pedir

home-tabs-label = Qué desea hacer
tab-share = Compartir un secreto
tab-request = Pedir un secreto

## Pedir un secreto (quien lo pide)

request-title = Pida un secreto a alguien
request-lede = Cree un enlace de solicitud y envíelo a la persona que tiene el secreto. Lo que esa persona envíe se cifra en su propio navegador, de modo que solo el enlace de recepción que usted conserva puede abrirlo; el servidor no puede.
request-legend = La solicitud
request-note-label = Nota para esa persona (opcional)
request-note-placeholder = Por ejemplo: la contraseña de la base de datos de preproducción, por favor
request-note-hint = Cualquiera que abra el enlace de solicitud puede leerla; el servidor no. No ponga secretos en ella.
request-note-too-long = La nota es demasiado larga: el límite es de aproximadamente { $limit }.
request-button = Crear enlace de solicitud
request-failed = No se ha creado la solicitud
request-stage-preparing = Generando las claves en su navegador…
request-stage-uploading = Creando la solicitud…
request-prepare-failed = Este navegador no ha podido generar las claves de la solicitud. Vuelva a intentarlo o use otro navegador.
request-unavailable = Este servidor no admite solicitudes de secretos.

## La solicitud está lista

request-made-title = Su enlace de solicitud está listo
request-made-lede = Envíe el enlace de solicitud a la persona que tiene el secreto. Se puede responder una sola vez y caduca { $when }.
request-link-label = Enlace de solicitud (envíe este)
request-link-hint = Quien lo abra podrá enviarle un secreto. Envíelo solo a la persona a quien se lo pide.
request-link-hint-note = Quien lo abra verá su nota y podrá enviarle un secreto. Envíelo solo a la persona a quien se lo pide.
copy-request-link = Copiar el enlace de solicitud
request-how-title = Solo usted puede abrir la respuesta
request-how-text = El secreto de esa persona se cifra en su navegador con una clave de este enlace de solicitud, y solo el enlace de recepción que usted conserva puede descifrarlo. El servidor lo guarda cifrado y lo entrega una sola vez.
request-qr-alt = Código QR del enlace de solicitud
inbox-box-title = Enlace de recepción privado
inbox-link-label = Enlace de recepción (guárdelo)
inbox-link-hint = Solo este enlace puede abrir lo que esa persona envíe. No se guarda en ningún otro sitio: si lo pierde, nadie podrá abrir la respuesta.
copy-inbox-link = Copiar el enlace de recepción
open-inbox = Abrir la bandeja de entrada en una pestaña nueva
request-another = Hacer otra solicitud
inbox-not-copied = No ha copiado ni abierto el enlace de recepción. Sin él, nadie podrá abrir la respuesta. ¿Desea salir de esta página de todos modos?

## Responder a una solicitud (la persona a quien se pide)

respond-title = Alguien le pide un secreto
respond-lede = Lo que envíe se cifra en este navegador para que solo la persona que lo pidió pueda abrirlo, una sola vez. El servidor no puede leerlo.
respond-expires = Puede responder a la solicitud hasta que caduque, { $when }.
respond-checking = Comprobando la solicitud…
respond-check-failed = No se pudo comprobar la solicitud
respond-note-label = Nota de quien lo pide
respond-note-warning = La nota la escribió quien creó el enlace de solicitud, sea quien sea. Envíe el secreto solo si sabe quién lo pide y por qué.
respond-button = Cifrar y enviar
respond-failed = No se ha enviado el secreto
respond-stage-encrypting = Cifrando en su navegador…
respond-stage-uploading = Enviando el secreto cifrado…
respond-seal-failed = Este navegador no ha podido cifrar el secreto. No se ha enviado nada; vuelva a intentarlo o use otro navegador.
respond-not-stored = El servidor no pudo confirmar que guardó su secreto, y la solicitud sigue esperando una respuesta. Vuelva a enviarlo.
sent-title = Enviado: solo la persona que lo pidió puede abrirlo
sent-text = Su secreto se cifró en este navegador y se guardó para la persona que lo pidió. Solo su enlace de recepción lo abre, y una sola vez. Puede cerrar esta página.
answered-title = Esta solicitud ya se respondió
answered-text = Ya se envió un secreto para esta solicitud, y cada solicitud admite solo uno. El suyo no se ha enviado. Si la otra respuesta no era suya, avise a la persona que lo pidió.
request-gone-title = Esta solicitud está cerrada
request-gone-text = Caducó o se retiró, o bien el enlace está incompleto. No se ha enviado nada. Pida a esa persona un nuevo enlace de solicitud si aún necesita el secreto.
respond-unknown-title = Probablemente se envió
respond-unknown-text = El servidor no pudo confirmar que guardó su secreto, pero la solicitud ya figura como respondida. Pregunte a la persona que lo pidió si lo recibió antes de volver a enviarlo por otra vía.
note-unreadable-title = Este enlace de solicitud está dañado
note-unreadable-text = Su nota no se abre con este enlace, así que probablemente el enlace se modificó al copiarlo. No se ha enviado nada. Vuelva a pedir el enlace.

## La bandeja de entrada de una solicitud (quien lo pidió)

inbox-title = Su solicitud
inbox-lede = Su bandeja de entrada privada. Solo este enlace puede abrir lo que se envíe; no lo comparta.
inbox-loading = Cargando la solicitud…
inbox-failed = No se pudo cargar la solicitud
request-state-open = Pendiente
request-state-filled = Respondida
request-state-collected = Respuesta abierta
request-state-cancelled = Retirada
request-state-expired = Caducada
inbox-open = Nadie ha respondido todavía. El enlace de solicitud funciona hasta que caduque, { $when }. Esta página vuelve a comprobarlo cada pocos segundos.
inbox-filled = Llegó una respuesta { $when }. Al abrirla se destruye en el servidor, así que ábrala cuando vaya a copiarla o guardarla. Mientras tanto, se conserva hasta que caduque, { $expires }.
inbox-collected = Abrió la respuesta { $when }; el servidor ya no la tiene.
inbox-collected-unknown = Se abrió la respuesta; el servidor ya no la tiene.
inbox-cancelled = Retiró esta solicitud; ya no se le puede enviar nada.
inbox-expired = Esta solicitud caducó antes de que se respondiera, o antes de que se abriera la respuesta.
inbox-changed = Estado: { $state }.
collect-button = Abrir el secreto
collect-stage = Obteniendo y descifrando…
collect-failed = No se pudo abrir el secreto
withdraw = Retirar la solicitud
withdraw-confirm-text = ¿Retirar la solicitud? El enlace de solicitud dejará de funcionar, y se destruirá cualquier respuesta que aún no se haya abierto.
withdraw-confirm = Sí, retirarla
withdraw-failed = No se pudo retirar la solicitud
notify-answered-label = Avisarme cuando se responda
notify-answered-title = Su solicitud se ha respondido
notify-answered-body = Alguien ha enviado el secreto que pidió con self-destruct-o.
inbox-gone-title = No hay registro de esta solicitud
inbox-gone-text = Caducó y se eliminó, o este enlace de recepción está incompleto.
collect-lost-title = La respuesta se entregó, pero no llegó a esta página
collect-lost-text = El servidor entregó el secreto, pero se perdió por el camino, así que ya no existe. Pida a esa persona que responda a una nueva solicitud.
collect-undecryptable-title = No se pudo descifrar la respuesta
collect-undecryptable-text = El servidor la entregó, pero no se abre con este enlace de recepción: probablemente el enlace se dañó al copiarlo. No se puede volver a obtener; haga una nueva solicitud.
inbox-cleared-text = El secreto ya no se muestra aquí, y el servidor lo destruyó cuando usted lo abrió.

## Direcciones que no son (o ya no son) un enlace válido

key-removed-title = Vuelva a abrir el enlace
key-removed-text = Por seguridad, esta página quita la clave del secreto de la barra de direcciones en cuanto la lee, por lo que al recargar no se recupera. Vuelva a abrir el enlace original. Si reveló el secreto antes de recargar, eso usó una visualización.
receipt-token-removed-title = Vuelva a abrir el enlace de seguimiento
receipt-token-removed-text = Por seguridad, esta página quita la clave del seguimiento de la barra de direcciones en cuanto la lee, por lo que al recargar no se recupera. Vuelva a abrir el enlace de seguimiento que guardó.
request-key-removed-title = Vuelva a abrir el enlace de solicitud
request-key-removed-text = Por seguridad, esta página quita la clave de la solicitud de la barra de direcciones en cuanto la lee, por lo que al recargar no se recupera. Vuelva a abrir el enlace de solicitud desde el mensaje; funciona hasta que se responda.
inbox-key-removed-title = Vuelva a abrir el enlace de recepción
inbox-key-removed-text = Por seguridad, esta página quita la clave de recepción de la barra de direcciones en cuanto la lee, por lo que al recargar no se recupera. Vuelva a abrir el enlace de recepción que guardó.
damaged-title = Este enlace está dañado
damaged-text = Falta una parte o se ha modificado, así que esta página no ha contactado con el servidor. Vuelva a copiar el enlace completo del mensaje.
not-found-title = Aquí no hay nada
not-found-text = Esta dirección no es una página de esta aplicación.
create-secret = Crear un secreto

## La versión de esta página (toda página que cifra o descifra en el navegador)

out-of-date-link = Esta página es anterior a la versión actual del servidor y no puede cargar lo que necesita. No se ha consumido nada: vuelva a abrir el enlace (recargar esta página no puede recuperar su clave).
out-of-date-form = Esta página es anterior a la versión actual del servidor y no puede cargar lo que necesita. No se ha enviado nada: recargue la página e inténtelo de nuevo (lo que ha escrito aquí no se conserva).
out-of-date-answer = Esta página es anterior a la versión actual del servidor y no puede cargar lo que necesita. No se ha enviado nada: copie lo que ha escrito y vuelva a abrir el enlace de solicitud (recargar esta página no puede recuperar su clave).
worker-failed = Este navegador no ha podido iniciar la parte de la página que descifra. No se ha consumido nada; vuelva a intentarlo o use otro navegador.

## Errores del servidor o de la conexión con él

error-network = No se pudo conectar con el servidor. Compruebe su conexión y vuelva a intentarlo.
error-not-found = Este secreto no existe o ya no está disponible.
error-wrong-passphrase-last = Frase de contraseña incorrecta, y era el último intento: el secreto se ha destruido.
error-wrong-passphrase = Frase de contraseña incorrecta. { $attempts ->
    [one] Queda 1 intento
    [many] Quedan { $attempts } de intentos
   *[other] Quedan { $attempts } intentos
} antes de que se destruya el secreto.
error-rate-limited-for = Demasiadas solicitudes. Vuelva a intentarlo dentro de { $secs ->
    [one] 1 segundo
    [many] { $secs } de segundos
   *[other] { $secs } segundos
}.
error-rate-limited = Demasiadas solicitudes. Vuelva a intentarlo dentro de un minuto.
error-too-large = El secreto supera el tamaño que admite este servidor.
error-invalid = El servidor rechazó la solicitud. Recargue la página y vuelva a intentarlo; si vuelve a ocurrir, puede que esta página sea más antigua que el servidor.
split-failed = No se pudo cargar una parte de esta página: se cortó la conexión o el sitio se actualizó. Recargue la página antes de continuar; lo que haya escrito aquí no se conservará.
boot-failed = La aplicación no pudo iniciarse: este navegador necesita módulos de JavaScript y WebAssembly. Pruebe con una versión actualizada de Firefox, Chrome, Safari o Edge, o recargue la página.
error-unavailable = El servidor está ocupado o un servicio del que depende no funciona. No se ha consumido nada; vuelva a intentarlo en un momento.
error-outcome-unknown = El servidor no pudo confirmar si esto consumió el secreto. Puede que ya no esté disponible: pida al remitente que consulte el seguimiento antes de que nadie vuelva a intentarlo.
error-server = El servidor ha tenido un problema (error { $status }). Vuelva a intentarlo en un momento.
error-bad-response = No se entendió la respuesta del servidor. Vuelva a intentarlo en un momento.

## Tamaños (el número ya viene formateado)

size-bytes = { $count ->
    [one] { $count } byte
    [many] { $count } de bytes
   *[other] { $count } bytes
}
size-kib = { $size } KiB
size-mib = { $size } MiB
