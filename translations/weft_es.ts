<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Weft</source>
            <translation>Acerca de Weft</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Weft %1&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Weft %1&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>Weft connects your bank accounts with Plaid Link. Your bank password goes only to your bank, never to Weft. The key Plaid gives Weft for each connection is kept in your system's keychain, not in a file.</source>
            <translation>Weft conecta sus cuentas bancarias con Plaid Link. Su contraseña del banco solo va a su banco, nunca a Weft. La clave que Plaid da a Weft para cada conexión se guarda en el llavero de su sistema, no en un archivo.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versiones</translation>
        </message>
        <message>
            <source>Weft contains Qt and Qt WebEngine (GNU LGPL version 3), Chromium (its own licences, BSD-style and others) and QtKeychain (BSD 3-clause). Their licence texts come with Weft.</source>
            <translation>Weft contiene Qt y Qt WebEngine (GNU LGPL versión 3), Chromium (sus propias licencias, de tipo BSD y otras) y QtKeychain (BSD de 3 cláusulas). Sus textos de licencia vienen con Weft.</translation>
        </message>
        <message>
            <source>&amp;Copy versions</source>
            <translation>&amp;Copiar versiones</translation>
        </message>
        <message>
            <source>Show &amp;licences</source>
            <translation>Mostrar &amp;licencias</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Acerca de &amp;Qt</translation>
        </message>
        <message>
            <source>Weft %1 · Qt %2 · Chromium %3 (security fixes to %4)</source>
            <translation>Weft %1 · Qt %2 · Chromium %3 (correcciones de seguridad hasta %4)</translation>
        </message>
    </context>
    <context>
        <name>AttentionBanner</name>
        <message>
            <source>A bank connection needs you</source>
            <translation>Una conexión bancaria le necesita</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Ahora no</translation>
        </message>
        <message>
            <source>Hide this until another connection needs you</source>
            <translation>Ocultar hasta que otra conexión le necesite</translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n other connection(s) need you too.</source>
            <translation>
                <numerusform>%n conexión más también le necesita.</numerusform>
                <numerusform>%n conexiones más también le necesitan.</numerusform>
            </translation>
        </message>
        <message>
            <source>Opens Link to repair the connection</source>
            <translation>Abre Link para reparar la conexión</translation>
        </message>
        <message>
            <source>Link is not part of this session: change the settings</source>
            <translation>Link no forma parte de esta sesión: cambie la configuración</translation>
        </message>
    </context>
    <context>
        <name>AttentionNotifier</name>
        <message>
            <source>%1 needs you</source>
            <translation>%1 le necesita</translation>
        </message>
        <message>
            <source>%1. %2 in Weft.</source>
            <translation>%1. %2 en Weft.</translation>
        </message>
    </context>
    <context>
        <name>CompletionListener</name>
        <message>
            <source>Weft</source>
            <translation>Weft</translation>
        </message>
        <message>
            <source>This address is not in use.</source>
            <translation>Esta dirección no está en uso.</translation>
        </message>
        <message>
            <source>Back to Weft</source>
            <translation>Volver a Weft</translation>
        </message>
        <message>
            <source>You can close this page and go back to Weft.</source>
            <translation>Puede cerrar esta página y volver a Weft.</translation>
        </message>
    </context>
    <context>
        <name>CopyableTable</name>
        <message>
            <source>Copy</source>
            <translation>Copiar</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>Seleccionar todo</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsViewer</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnóstico</translation>
        </message>
        <message>
            <source>Where the diagnostics come from</source>
            <translation>De dónde viene el diagnóstico</translation>
        </message>
        <message>
            <source>The file is larger than diagnostics ever are (%1 bytes).</source>
            <translation>El archivo es más grande de lo que es nunca un diagnóstico (%1 bytes).</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: %1 at byte %2.</source>
            <translation>El archivo no es un diagnóstico de Weft: %1 en el byte %2.</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: no JSON object in it.</source>
            <translation>El archivo no es un diagnóstico de Weft: no contiene ningún objeto JSON.</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: %1.</source>
            <translation>El archivo no es un diagnóstico de Weft: %1.</translation>
        </message>
        <message>
            <source>Sent without versions (an older Weft).</source>
            <translation>Enviado sin versiones (un Weft más antiguo).</translation>
        </message>
        <message>
            <source>Sent from: %1</source>
            <translation>Enviado desde: %1</translation>
        </message>
    </context>
    <context>
        <name>HostedLinkController</name>
        <message>
            <source>Could not prepare Link for your browser</source>
            <translation>No se pudo preparar Link para su navegador</translation>
        </message>
        <message>
            <source>Plaid did not give an address for Link in your browser (Hosted Link may not be enabled for this account).</source>
            <translation>Plaid no dio ninguna dirección para Link en su navegador (puede que Hosted Link no esté activado para esta cuenta).</translation>
        </message>
        <message>
            <source>Plaid gave an address for Link that is not secure (not https), so Weft did not open it.</source>
            <translation>Plaid dio una dirección para Link que no es segura (no es https), así que Weft no la abrió.</translation>
        </message>
        <message>
            <source>The Link page in your browser expired before it was finished. Nothing was connected; you can start again.</source>
            <translation>La página de Link en su navegador caducó antes de terminar. No se conectó nada; puede empezar de nuevo.</translation>
        </message>
        <message>
            <source>Weft could not learn how Link ended in your browser</source>
            <translation>Weft no pudo saber cómo terminó Link en su navegador</translation>
        </message>
        <message>
            <source>Plaid's answer about the Link session could not be read: %1</source>
            <translation>No se pudo leer la respuesta de Plaid sobre la sesión de Link: %1</translation>
        </message>
        <message>
            <source>Link was closed in your browser. No bank account was connected.</source>
            <translation>Link se cerró en su navegador. No se conectó ninguna cuenta bancaria.</translation>
        </message>
        <message>
            <source>The bank was linked, but the connection could not be completed</source>
            <translation>El banco quedó vinculado, pero la conexión no se pudo completar</translation>
        </message>
    </context>
    <context>
        <name>HostedLinkPane</name>
        <message>
            <source>&amp;Open the page again</source>
            <translation>&amp;Abrir la página de nuevo</translation>
        </message>
        <message>
            <source>Cop&amp;y the address</source>
            <translation>Cop&amp;iar la dirección</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancelar</translation>
        </message>
        <message>
            <source>Link in your web browser</source>
            <translation>Link en su navegador web</translation>
        </message>
        <message>
            <source>Copy the page's address, to open it in a browser yourself</source>
            <translation>Copiar la dirección de la página, para abrirla usted mismo en un navegador</translation>
        </message>
        <message>
            <source>Stop waiting for the page in your browser</source>
            <translation>Dejar de esperar la página en su navegador</translation>
        </message>
        <message>
            <source>Preparing Link for your web browser…</source>
            <translation>Preparando Link para su navegador web…</translation>
        </message>
        <message>
            <source>Finish connecting your bank in your web browser. Weft waits here and completes the connection when you are done.</source>
            <translation>Termine de conectar su banco en su navegador web. Weft espera aquí y completa la conexión cuando haya terminado.</translation>
        </message>
        <message>
            <source>Weft could not open your web browser. Copy the address and open it in your browser; Weft waits here.</source>
            <translation>Weft no pudo abrir su navegador web. Copie la dirección y ábrala en su navegador; Weft espera aquí.</translation>
        </message>
        <message>
            <source>Completing the connection…</source>
            <translation>Completando la conexión…</translation>
        </message>
    </context>
    <context>
        <name>ItemDetailsView</name>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Official name</source>
            <translation>Nombre oficial</translation>
        </message>
        <message>
            <source>Mask</source>
            <translation>Máscara</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Actual</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Límite</translation>
        </message>
        <message>
            <source>account_id</source>
            <translation>account_id</translation>
        </message>
        <message>
            <source>Time (UTC)</source>
            <translation>Hora (UTC)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Vista</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Detalles</translation>
        </message>
        <message>
            <source>Bank logo</source>
            <translation>Logotipo del banco</translation>
        </message>
        <message>
            <source>Connection details</source>
            <translation>Detalles de la conexión</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Cuentas</translation>
        </message>
        <message>
            <source>Link events</source>
            <translation>Eventos de Link</translation>
        </message>
        <message>
            <source>item_id</source>
            <translation>item_id</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Entorno</translation>
        </message>
        <message>
            <source>institution_id</source>
            <translation>institution_id</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Entidad</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Color</translation>
        </message>
        <message>
            <source>Linked (UTC)</source>
            <translation>Vinculado (UTC)</translation>
        </message>
        <message>
            <source>Last refresh (UTC)</source>
            <translation>Última actualización (UTC)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>error_type</source>
            <translation>error_type</translation>
        </message>
        <message>
            <source>error_code</source>
            <translation>error_code</translation>
        </message>
        <message>
            <source>error_message</source>
            <translation>error_message</translation>
        </message>
        <message>
            <source>display_message</source>
            <translation>display_message</translation>
        </message>
        <message>
            <source>Refresh problem</source>
            <translation>Problema al actualizar</translation>
        </message>
        <message>
            <source>Access token</source>
            <translation>Token de acceso</translation>
        </message>
        <message>
            <source>Products available</source>
            <translation>Productos disponibles</translation>
        </message>
        <message>
            <source>Products billed</source>
            <translation>Productos facturados</translation>
        </message>
        <message>
            <source>Consent expires (UTC)</source>
            <translation>El consentimiento caduca (UTC)</translation>
        </message>
        <message>
            <source>update_type</source>
            <translation>update_type</translation>
        </message>
        <message>
            <source>link_session_id</source>
            <translation>link_session_id</translation>
        </message>
        <message>
            <source>The latest first</source>
            <translation>El más reciente primero</translation>
        </message>
        <message>
            <source>request_id</source>
            <translation>request_id</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Select an Item to see its details.</source>
            <translation>Seleccione un Item para ver sus detalles.</translation>
        </message>
        <message>
            <source>%1 — %2 (another environment: %3)</source>
            <translation>%1 — %2 (otro entorno: %3)</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <source>Accounts (%1)</source>
            <translation>Cuentas (%1)</translation>
        </message>
        <message>
            <source>Link events (%1)</source>
            <translation>Eventos de Link (%1)</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>User (provider&apos;s server)</source>
            <translation>Usuario (servidor del proveedor)</translation>
        </message>
    </context>
    <context>
        <name>ItemRefreshJob</name>
        <message>
            <source>no such Item</source>
            <translation>no existe ese Item</translation>
        </message>
        <message>
            <source>belongs to the %1 environment; switch to it to refresh</source>
            <translation>pertenece al entorno %1; cambie a él para actualizarlo</translation>
        </message>
        <message>
            <source>the access token is missing from the keychain</source>
            <translation>falta el token de acceso en el llavero</translation>
        </message>
        <message>
            <source>removed while refreshing</source>
            <translation>eliminado durante la actualización</translation>
        </message>
    </context>
    <context>
        <name>ItemRemoval</name>
        <message>
            <source>keychain</source>
            <translation>llavero</translation>
        </message>
        <message>
            <source>Plaid</source>
            <translation>Plaid</translation>
        </message>
    </context>
    <context>
        <name>ItemService</name>
        <message>
            <source>Not saved: %1</source>
            <translation>No guardado: %1</translation>
        </message>
        <message>
            <source>saving…</source>
            <translation>guardando…</translation>
        </message>
        <message>
            <source>The access token is missing from the keychain. Link this bank again, or remove the Item.</source>
            <translation>Falta el token de acceso en el llavero. Vincule este banco de nuevo o elimine el Item.</translation>
        </message>
        <message>
            <source>The access token was lost: Weft stopped (%1) before the keychain could save it. Link this bank again to use it in Weft; the old connection can no longer be used or removed from here.</source>
            <translation>El token de acceso se perdió: Weft se detuvo (%1) antes de que el llavero pudiera guardarlo. Vincule este banco de nuevo para usarlo en Weft; la conexión anterior ya no se puede usar ni eliminar desde aquí.</translation>
        </message>
        <message>
            <source>Your bank</source>
            <translation>Su banco</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Conectado</translation>
        </message>
        <message>
            <source>Sign-in needed</source>
            <translation>Hay que iniciar sesión</translation>
        </message>
        <message>
            <source>Access ends soon</source>
            <translation>El acceso termina pronto</translation>
        </message>
        <message>
            <source>Disconnects soon</source>
            <translation>Se desconectará pronto</translation>
        </message>
        <message>
            <source>New accounts found</source>
            <translation>Cuentas nuevas encontradas</translation>
        </message>
        <message>
            <source>Bank not answering</source>
            <translation>El banco no responde</translation>
        </message>
        <message>
            <source>Bank no longer supported</source>
            <translation>Banco ya no compatible</translation>
        </message>
        <message>
            <source>Locked at the bank</source>
            <translation>Bloqueado en el banco</translation>
        </message>
        <message>
            <source>Access withdrawn</source>
            <translation>Acceso retirado</translation>
        </message>
        <message>
            <source>Not working</source>
            <translation>No funciona</translation>
        </message>
        <message>
            <source>Choose accounts to share from %1</source>
            <translation>Elegir cuentas de %1 para compartir</translation>
        </message>
        <message>
            <source>Sign in to %1 again</source>
            <translation>Iniciar sesión en %1 de nuevo</translation>
        </message>
        <message>
            <source>Kept for the %1 environment (not the current one)</source>
            <translation>Guardado para el entorno %1 (no el actual)</translation>
        </message>
        <message>
            <source>Saved in the keychain</source>
            <translation>Guardado en el llavero</translation>
        </message>
        <message>
            <source>only Items of a sandbox environment can be reset</source>
            <translation>solo se pueden restablecer los Items de un entorno sandbox</translation>
        </message>
        <message>
            <source>Your provider&apos;s server holds this Item&apos;s access token.</source>
            <translation>El servidor de su proveedor guarda el token de acceso de este Item.</translation>
        </message>
        <message>
            <source>server</source>
            <translation>servidor</translation>
        </message>
        <message>
            <source>Kept by your provider&apos;s server</source>
            <translation>Lo guarda el servidor de su proveedor</translation>
        </message>
    </context>
    <context>
        <name>ItemsFilterModel</name>
        <message>
            <source>Belongs to the %1 environment: switch the backend in the settings to act on it.</source>
            <translation>Pertenece al entorno %1: cambie el backend en la configuración para actuar sobre él.</translation>
        </message>
    </context>
    <context>
        <name>ItemsModel</name>
        <message>
            <source>No accounts yet</source>
            <translation>Aún no hay cuentas</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source>Other environment</source>
            <translation>Otro entorno</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Guardado</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Falta</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>No guardado</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Entidad</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Entorno</translation>
        </message>
        <message>
            <source>Last refresh</source>
            <translation>Última actualización</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Cuentas</translation>
        </message>
    </context>
    <context>
        <name>ItemsPanel</name>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Eliminar</translation>
        </message>
        <message>
            <source>Bank connections</source>
            <translation>Conexiones bancarias</translation>
        </message>
        <message>
            <source>Filter bank connections</source>
            <translation>Filtrar conexiones bancarias</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Mensaje</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualizar</translation>
        </message>
        <message>
            <source>Ask Plaid for the selected Items' status and accounts</source>
            <translation>Preguntar a Plaid el estado y las cuentas de los Items seleccionados</translation>
        </message>
        <message>
            <source>Refresh &amp;all</source>
            <translation>Actualizar &amp;todo</translation>
        </message>
        <message>
            <source>Refresh every Item of the current environment</source>
            <translation>Actualizar todos los Items del entorno actual</translation>
        </message>
        <message>
            <source>&amp;Fix connection…</source>
            <translation>&amp;Reparar la conexión…</translation>
        </message>
        <message>
            <source>Open Link in update mode to repair the connection</source>
            <translation>Abrir Link en modo de actualización para reparar la conexión</translation>
        </message>
        <message>
            <source>Retry &amp;saving</source>
            <translation>Reintentar el &amp;guardado</translation>
        </message>
        <message>
            <source>Save the access token to the keychain again</source>
            <translation>Guardar de nuevo el token de acceso en el llavero</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>Eli&amp;minar…</translation>
        </message>
        <message>
            <source>Remove the Item at Plaid, from the keychain and from Weft</source>
            <translation>Eliminar el Item en Plaid, del llavero y de Weft</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostics</source>
            <translation>Copiar &amp;diagnóstico</translation>
        </message>
        <message>
            <source>Copy the Item's ids, statuses and events as JSON (no token)</source>
            <translation>Copiar los identificadores, estados y eventos del Item como JSON (sin token)</translation>
        </message>
        <message>
            <source>Copy &amp;item_id</source>
            <translation>Copiar &amp;item_id</translation>
        </message>
        <message>
            <source>Copy the Item's item_id</source>
            <translation>Copiar el item_id del Item</translation>
        </message>
        <message>
            <source>Simulate &amp;login required (sandbox)</source>
            <translation>Simular inicio de &amp;sesión requerido (sandbox)</translation>
        </message>
        <message>
            <source>Sandbox only: make Plaid's sandbox ask for the login again (/sandbox/item/reset_login), to try Fix connection</source>
            <translation>Solo sandbox: hacer que la sandbox de Plaid vuelva a pedir el inicio de sesión (/sandbox/item/reset_login), para probar «Reparar la conexión»</translation>
        </message>
        <message>
            <source>Fi&amp;nd…</source>
            <translation>&amp;Buscar…</translation>
        </message>
        <message>
            <source>Filter the list by bank, item_id or status</source>
            <translation>Filtrar la lista por banco, item_id o estado</translation>
        </message>
        <message>
            <source>The connection to %1 is not saved in the keychain: %2</source>
            <translation>La conexión con %1 no está guardada en el llavero: %2</translation>
        </message>
        <message>
            <source>%1 was removed.</source>
            <translation>%1 se eliminó.</translation>
        </message>
        <message>
            <source>The connection</source>
            <translation>La conexión</translation>
        </message>
        <message>
            <source>%1 was not removed: the %2 step failed. %3 It is still listed; you can try again.</source>
            <translation>%1 no se eliminó: falló el paso «%2». %3 Sigue en la lista; puede intentarlo de nuevo.</translation>
        </message>
        <message>
            <source>The sandbox now asks for the login of %1 again; refreshing it.</source>
            <translation>La sandbox vuelve a pedir el inicio de sesión en %1; actualizando.</translation>
        </message>
        <message>
            <source>The login of %1 could not be reset: %2</source>
            <translation>No se pudo restablecer el inicio de sesión en %1: %2</translation>
        </message>
        <message>
            <source>The Item</source>
            <translation>El Item</translation>
        </message>
        <message>
            <source>Saved in the keychain (as far as the index knows)</source>
            <translation>Guardado en el llavero (según el índice)</translation>
        </message>
        <message>
            <source>Not saved in the keychain</source>
            <translation>No guardado en el llavero</translation>
        </message>
        <message numerus="yes">
            <source>%n bank connection(s)</source>
            <translation>
                <numerusform>%n conexión bancaria</numerusform>
                <numerusform>%n conexiones bancarias</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 shown</source>
            <translation>%1 de %2 mostradas</translation>
        </message>
        <message>
            <source>Select Items of the current environment to refresh them.</source>
            <translation>Seleccione Items del entorno actual para actualizarlos.</translation>
        </message>
        <message>
            <source>No Item belongs to the current environment (%1).</source>
            <translation>Ningún Item pertenece al entorno actual (%1).</translation>
        </message>
        <message>
            <source>Opening Link to fix %1…</source>
            <translation>Abriendo Link para reparar %1…</translation>
        </message>
        <message>
            <source>Saving the access token of %1 again…</source>
            <translation>Guardando de nuevo el token de acceso de %1…</translation>
        </message>
        <message>
            <source>Remove %1?

Weft asks Plaid to end this connection, deletes its key from the keychain and forgets it. This cannot be undone; to use this bank again, connect it anew.</source>
            <translation>¿Eliminar %1?

Weft pide a Plaid que termine esta conexión, borra su clave del llavero y la olvida. No se puede deshacer; para volver a usar este banco, conéctelo de nuevo.</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>Eliminar %1</translation>
        </message>
        <message>
            <source>Removing %1…</source>
            <translation>Eliminando %1…</translation>
        </message>
        <message>
            <source>The diagnostics of %1 are on the clipboard.</source>
            <translation>El diagnóstico de %1 está en el portapapeles.</translation>
        </message>
        <message>
            <source>Filter by bank or status</source>
            <translation>Filtrar por banco o estado</translation>
        </message>
        <message>
            <source>&amp;Choose shared accounts…</source>
            <translation>&amp;Elegir cuentas compartidas…</translation>
        </message>
        <message>
            <source>Open Link to choose which of the bank&apos;s accounts Weft may see, new ones among them</source>
            <translation>Abrir Link para elegir qué cuentas del banco puede ver Weft, incluidas las nuevas</translation>
        </message>
        <message>
            <source>Opening Link to choose accounts at %1…</source>
            <translation>Abriendo Link para elegir cuentas en %1…</translation>
        </message>
    </context>
    <context>
        <name>LinkController</name>
        <message>
            <source>Could not prepare a Link session</source>
            <translation>No se pudo preparar una sesión de Link</translation>
        </message>
        <message>
            <source>The bank was linked, but the connection could not be completed</source>
            <translation>El banco quedó vinculado, pero la conexión no se pudo completar</translation>
        </message>
        <message>
            <source>Link's session kept expiring, so Weft stopped preparing new ones. Choose Try again when you are ready.</source>
            <translation>La sesión de Link caducaba una y otra vez, así que Weft dejó de preparar nuevas. Elija «Intentar de nuevo» cuando esté listo.</translation>
        </message>
        <message>
            <source>The Link session expired. A new one is being prepared; please try again.</source>
            <translation>La sesión de Link caducó. Se está preparando una nueva; inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>Link could not start: %1</source>
            <translation>Link no pudo iniciarse: %1</translation>
        </message>
    </context>
    <context>
        <name>LinkTexts</name>
        <message>
            <source>Getting a Link token…</source>
            <translation>Obteniendo un token de Link…</translation>
        </message>
        <message>
            <source>Loading Link…</source>
            <translation>Cargando Link…</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Listo</translation>
        </message>
        <message>
            <source>Link is open</source>
            <translation>Link está abierto</translation>
        </message>
        <message>
            <source>Completing the connection…</source>
            <translation>Completando la conexión…</translation>
        </message>
        <message>
            <source>Link is not available</source>
            <translation>Link no está disponible</translation>
        </message>
        <message>
            <source>error code %1</source>
            <translation>código de error %1</translation>
        </message>
        <message>
            <source>link_session_id %1</source>
            <translation>link_session_id %1</translation>
        </message>
        <message>
            <source>request_id %1</source>
            <translation>request_id %1</translation>
        </message>
        <message>
            <source>Access tokens not saved</source>
            <translation>Tokens de acceso sin guardar</translation>
        </message>
        <message>
            <source>The access tokens of these Items are not saved in the keychain. If Weft quits now, they are lost and the Items must be linked again.</source>
            <translation>Los tokens de acceso de estos Items no están guardados en el llavero. Si Weft se cierra ahora, se pierden y habrá que vincular los Items de nuevo.</translation>
        </message>
        <message>
            <source>The access tokens of these Items are not saved in the keychain. If the backend changes now, they are lost and the Items must be linked again.</source>
            <translation>Los tokens de acceso de estos Items no están guardados en el llavero. Si el backend cambia ahora, se pierden y habrá que vincular los Items de nuevo.</translation>
        </message>
        <message>
            <source>Retry saving</source>
            <translation>Reintentar el guardado</translation>
        </message>
        <message>
            <source>Quit anyway</source>
            <translation>Salir de todos modos</translation>
        </message>
        <message>
            <source>Apply anyway</source>
            <translation>Aplicar de todos modos</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Weft</source>
            <translation>Weft</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Weft&lt;/h2&gt;Connect your bank accounts with Plaid Link.</source>
            <translation>&lt;h2&gt;Weft&lt;/h2&gt;Conecte sus cuentas bancarias con Plaid Link.</translation>
        </message>
        <message>
            <source>&amp;Connect a bank account</source>
            <translation>&amp;Conectar una cuenta bancaria</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>&amp;Intentar de nuevo</translation>
        </message>
        <message>
            <source>Use your &amp;browser instead</source>
            <translation>Usar el &amp;navegador en su lugar</translation>
        </message>
        <message>
            <source>Open Link in your web browser for this attempt; Weft waits and finishes the connection</source>
            <translation>Abrir Link en su navegador web para este intento; Weft espera y completa la conexión</translation>
        </message>
        <message>
            <source>Link events</source>
            <translation>Eventos de Link</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Hora</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Evento</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Vista</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Entidad</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Detalles</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Item</source>
            <translation>&amp;Item</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>Toolbar</source>
            <translation>Barra de herramientas</translation>
        </message>
        <message>
            <source>&amp;Connect a bank account…</source>
            <translation>&amp;Conectar una cuenta bancaria…</translation>
        </message>
        <message>
            <source>Open Plaid Link to connect a bank account</source>
            <translation>Abrir Plaid Link para conectar una cuenta bancaria</translation>
        </message>
        <message>
            <source>&amp;Support view</source>
            <translation>Vista de &amp;soporte</translation>
        </message>
        <message>
            <source>Show what support staff ask for: ids, error codes, request ids and Link's events</source>
            <translation>Mostrar lo que pide el soporte: identificadores, códigos de error, request ids y eventos de Link</translation>
        </message>
        <message>
            <source>&amp;Open diagnostics…</source>
            <translation>&amp;Abrir diagnóstico…</translation>
        </message>
        <message>
            <source>Read a diagnostics file someone sent, in the support view</source>
            <translation>Leer, en la vista de soporte, un archivo de diagnóstico que alguien envió</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <source>&amp;About Weft</source>
            <translation>Acerca &amp;de Weft</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Configuración…</translation>
        </message>
        <message>
            <source>&amp;Refresh all</source>
            <translation>Actualizar &amp;todo</translation>
        </message>
        <message>
            <source>Refresh every Item of the current environment</source>
            <translation>Actualizar todos los Items del entorno actual</translation>
        </message>
        <message>
            <source>Remove &amp;All My Data…</source>
            <translation>Eliminar &amp;todos mis datos…</translation>
        </message>
        <message>
            <source>Delete Weft's keychain entries, its list of connections, its sandbox state and its settings</source>
            <translation>Borrar las entradas de Weft en el llavero, su lista de conexiones, el estado de su sandbox y su configuración</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>Weft connects your bank accounts through Plaid. You sign in to your bank in Plaid's own window: your password goes to your bank, never to Weft. For each connection Plaid gives Weft a key, which Weft keeps in your system's keychain, never in a file.</source>
            <translation>Weft conecta sus cuentas bancarias a través de Plaid. Usted inicia sesión en su banco en la ventana de Plaid: su contraseña va a su banco, nunca a Weft. Por cada conexión, Plaid da a Weft una clave que Weft guarda en el llavero de su sistema, nunca en un archivo.</translation>
        </message>
        <message>
            <source>Weft could not save its list of bank connections (%1). Nothing is lost yet: the list is kept in memory and saved as soon as the disk has room. Free some space before you quit.</source>
            <translation>Weft no pudo guardar su lista de conexiones bancarias (%1). Aún no se ha perdido nada: la lista se mantiene en memoria y se guardará en cuanto el disco tenga espacio. Libere espacio antes de salir.</translation>
        </message>
        <message>
            <source>Link is taking longer than usual to load. The computer may be busy; Weft keeps trying.</source>
            <translation>Link tarda más de lo habitual en cargar. Puede que el equipo esté ocupado; Weft sigue intentándolo.</translation>
        </message>
        <message>
            <source>Link is taking longer than usual to load. It comes from Plaid over the internet: check the connection. Weft keeps trying.</source>
            <translation>Link tarda más de lo habitual en cargar. Viene de Plaid por Internet: compruebe la conexión. Weft sigue intentándolo.</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Iniciando…</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Cámara</translation>
        </message>
        <message>
            <source>Plaid wants to use your camera to take a photo that confirms it is you (identity verification, from %1). Allow the camera?</source>
            <translation>Plaid quiere usar su cámara para tomar una foto que confirme que es usted (verificación de identidad, desde %1). ¿Permitir la cámara?</translation>
        </message>
        <message>
            <source>Allow the camera</source>
            <translation>Permitir la cámara</translation>
        </message>
        <message>
            <source>Don't allow</source>
            <translation>No permitir</translation>
        </message>
        <message>
            <source>List not saved</source>
            <translation>Lista sin guardar</translation>
        </message>
        <message>
            <source>Weft could not save its list of bank connections (%1). If it quits now, the latest changes to the list are lost (the connections at Plaid and the tokens in the keychain are not). Quit anyway?</source>
            <translation>Weft no pudo guardar su lista de conexiones bancarias (%1). Si se cierra ahora, se pierden los últimos cambios de la lista (no las conexiones en Plaid ni los tokens del llavero). ¿Salir de todos modos?</translation>
        </message>
        <message>
            <source>Link events of this session</source>
            <translation>Eventos de Link de esta sesión</translation>
        </message>
        <message>
            <source>Weft %1</source>
            <translation>Weft %1</translation>
        </message>
        <message>
            <source>Link could not be opened to fix %1: %2</source>
            <translation>No se pudo abrir Link para reparar %1: %2</translation>
        </message>
        <message>
            <source>Link is not part of this session</source>
            <translation>Link no forma parte de esta sesión</translation>
        </message>
        <message>
            <source>The settings were not applied: %1
Weft goes on with %2.</source>
            <translation>La configuración no se aplicó: %1
Weft sigue con %2.</translation>
        </message>
        <message>
            <source>No backend is running: %1
The Items stay listed; open the settings to fix this.</source>
            <translation>No hay ningún backend en marcha: %1
Los Items siguen en la lista; abra la configuración para corregirlo.</translation>
        </message>
        <message>
            <source>No backend</source>
            <translation>Sin backend</translation>
        </message>
        <message>
            <source>Changing the backend…</source>
            <translation>Cambiando el backend…</translation>
        </message>
        <message>
            <source>Weft could not open your web browser for %1.</source>
            <translation>Weft no pudo abrir su navegador web para %1.</translation>
        </message>
        <message>
            <source>Link asked to open a window that Weft does not allow (windows open only when you click, and only for your bank's sign-in page).</source>
            <translation>Link pidió abrir una ventana que Weft no permite (las ventanas solo se abren cuando usted hace clic, y solo para la página de inicio de sesión de su banco).</translation>
        </message>
        <message>
            <source>Weft was opened from a bank's sign-in page, but that address is not the one Weft gave the bank (see Settings, OAuth redirect_uri). If you were connecting a bank, start again.</source>
            <translation>Weft se abrió desde la página de inicio de sesión de un banco, pero esa dirección no es la que Weft dio al banco (vea Configuración, OAuth redirect_uri). Si estaba conectando un banco, empiece de nuevo.</translation>
        </message>
        <message>
            <source>Weft came back from your bank's sign-in, but that Link session is over. Connect the bank again.</source>
            <translation>Weft volvió del inicio de sesión en su banco, pero esa sesión de Link terminó. Conecte el banco de nuevo.</translation>
        </message>
        <message>
            <source>Back from your bank's sign-in: finishing in Link…</source>
            <translation>De vuelta del inicio de sesión en su banco: terminando en Link…</translation>
        </message>
        <message>
            <source>Unknown institution</source>
            <translation>Entidad desconocida</translation>
        </message>
        <message>
            <source>%1 (item_id %2)</source>
            <translation>%1 (item_id %2)</translation>
        </message>
        <message>
            <source>you chose to quit</source>
            <translation>eligió salir</translation>
        </message>
        <message>
            <source>Saving the access tokens again…</source>
            <translation>Guardando de nuevo los tokens de acceso…</translation>
        </message>
        <message>
            <source>Weft is closing…</source>
            <translation>Weft se está cerrando…</translation>
        </message>
        <message>
            <source>the desktop session ended</source>
            <translation>la sesión del escritorio terminó</translation>
        </message>
        <message>
            <source>Remove all my data</source>
            <translation>Eliminar todos mis datos</translation>
        </message>
        <message numerus="yes">
            <source>This deletes everything Weft keeps on this computer: the access tokens of %n connection(s) and your Plaid secrets from the keychain, the list of connections, the sandbox's state and the settings. The connections stay at Plaid (remove them one by one first to end them there). Weft then closes.</source>
            <translation>
                <numerusform>Esto borra todo lo que Weft guarda en este equipo: el token de acceso de %n conexión y sus secretos de Plaid del llavero, la lista de conexiones, el estado de la sandbox y la configuración. La conexión sigue en Plaid (elimínela antes para terminarla allí). Después Weft se cierra.</numerusform>
                <numerusform>Esto borra todo lo que Weft guarda en este equipo: los tokens de acceso de %n conexiones y sus secretos de Plaid del llavero, la lista de conexiones, el estado de la sandbox y la configuración. Las conexiones siguen en Plaid (elimínelas antes una a una para terminarlas allí). Después Weft se cierra.</numerusform>
            </translation>
        </message>
        <message>
            <source>Some data could not be removed; nothing else was touched:
%1</source>
            <translation>Algunos datos no se pudieron eliminar; no se tocó nada más:
%1</translation>
        </message>
        <message>
            <source>All of Weft's data is removed.</source>
            <translation>Todos los datos de Weft se han eliminado.</translation>
        </message>
        <message>
            <source>Applying the settings: %1…</source>
            <translation>Aplicando la configuración: %1…</translation>
        </message>
        <message>
            <source>It could not be read: %1</source>
            <translation>No se pudo leer: %1</translation>
        </message>
        <message>
            <source>Diagnostics: %1</source>
            <translation>Diagnóstico: %1</translation>
        </message>
        <message>
            <source>Open diagnostics</source>
            <translation>Abrir diagnóstico</translation>
        </message>
        <message>
            <source>%1 was not opened. %2</source>
            <translation>%1 no se abrió. %2</translation>
        </message>
        <message>
            <source>Diagnostics (*.json *.txt);;All files (*)</source>
            <translation>Diagnósticos (*.json *.txt);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>%1 is connected.</source>
            <translation>%1 está conectado.</translation>
        </message>
        <message>
            <source>The connection</source>
            <translation>La conexión</translation>
        </message>
        <message>
            <source>%1 works again.</source>
            <translation>%1 vuelve a funcionar.</translation>
        </message>
        <message>
            <source>Bank connections</source>
            <translation>Conexiones bancarias</translation>
        </message>
        <message>
            <source>Weft now sees the accounts you chose at %1.</source>
            <translation>Weft ya ve las cuentas que eligió en %1.</translation>
        </message>
    </context>
    <context>
        <name>PendingExchangeBanner</name>
        <message>
            <source>Unfinished bank connection</source>
            <translation>Conexión bancaria sin terminar</translation>
        </message>
        <message>
            <source>Link again</source>
            <translation>Vincular de nuevo</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>a bank</source>
            <translation>un banco</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>Weft stopped while it was finishing the connection to %1. The connection may exist at Plaid without Weft knowing it. To use it here, link the bank again.</source>
            <translation>
                <numerusform>Weft se detuvo mientras terminaba la conexión con %1. Puede que la conexión exista en Plaid sin que Weft lo sepa. Para usarla aquí, vincule el banco de nuevo.</numerusform>
                <numerusform>Weft se detuvo mientras terminaba las conexiones con %1. Puede que las conexiones existan en Plaid sin que Weft lo sepa. Para usarlas aquí, vincule los bancos de nuevo.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PopupWindow</name>
        <message>
            <source>Sign in to your bank</source>
            <translation>Inicie sesión en su banco</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>The Items index could not be read: %1</source>
            <translation>No se pudo leer el índice de Items: %1</translation>
        </message>
        <message>
            <source>The Items index was damaged (%1). It was kept as %2; Weft starts with an empty list.</source>
            <translation>El índice de Items estaba dañado (%1). Se guardó como %2; Weft empieza con una lista vacía.</translation>
        </message>
        <message>
            <source>No Plaid secret is saved for %1: enter it in the settings.</source>
            <translation>No hay ningún secreto de Plaid guardado para %1: introdúzcalo en la configuración.</translation>
        </message>
        <message>
            <source>The Plaid secret could not be read: %1</source>
            <translation>No se pudo leer el secreto de Plaid: %1</translation>
        </message>
        <message>
            <source>The embedded Plaid Sandbox could not start: %1</source>
            <translation>La Sandbox de Plaid integrada no pudo iniciarse: %1</translation>
        </message>
        <message>
            <source>The Link host page server could not start: %1</source>
            <translation>El servidor de la página anfitriona de Link no pudo iniciarse: %1</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>%1 en %2</translation>
        </message>
    </context>
    <context>
        <name>RefreshBar</name>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Refresh progress</source>
            <translation>Progreso de la actualización</translation>
        </message>
        <message>
            <source>Refreshing</source>
            <translation>Actualizando</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message numerus="yes">
            <source>%n connection(s) refreshed</source>
            <translation>
                <numerusform>%n conexión actualizada</numerusform>
                <numerusform>%n conexiones actualizadas</numerusform>
            </translation>
        </message>
        <message>
            <source>Refresh canceled: %1</source>
            <translation>Actualización cancelada: %1</translation>
        </message>
        <message numerus="yes">
            <source>; %n could not be refreshed (see their status)</source>
            <translation>
                <numerusform>; %n no se pudo actualizar (vea su estado)</numerusform>
                <numerusform>; %n no se pudieron actualizar (vea su estado)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>The access token is missing from the keychain.</source>
            <translation>Falta el token de acceso en el llavero.</translation>
        </message>
        <message>
            <source>Your provider&apos;s server did not sign Weft in: %1</source>
            <translation>El servidor de su proveedor no inició la sesión de Weft: %1</translation>
        </message>
        <message>
            <source>Your provider&apos;s server at %1 could not be reached: %2</source>
            <translation>No se pudo contactar con el servidor de su proveedor en %1: %2</translation>
        </message>
        <message>
            <source>The Link host page server could not start: %1</source>
            <translation>No se pudo iniciar el servidor de la página anfitriona de Link: %1</translation>
        </message>
        <message>
            <source>Your provider&apos;s server names a Link script Weft does not load (%1): only Plaid&apos;s own, or a sandbox on this computer.</source>
            <translation>El servidor de su proveedor indica un script de Link que Weft no carga (%1): solo el de Plaid o un sandbox en este equipo.</translation>
        </message>
        <message>
            <source>Your connections could not be brought up to date from your provider&apos;s server: %1</source>
            <translation>No se pudieron actualizar sus conexiones desde el servidor de su proveedor: %1</translation>
        </message>
    </context>
    <context>
        <name>SessionManager</name>
        <message>
            <source>The Plaid secret was not saved: %1</source>
            <translation>El secreto de Plaid no se guardó: %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Weft settings</source>
            <translation>Configuración de Weft</translation>
        </message>
        <message>
            <source>Backend</source>
            <translation>Backend</translation>
        </message>
        <message>
            <source>&amp;Mode</source>
            <translation>&amp;Modo</translation>
        </message>
        <message>
            <source>&amp;client_id</source>
            <translation>&amp;client_id</translation>
        </message>
        <message>
            <source>&amp;Secret</source>
            <translation>&amp;Secreto</translation>
        </message>
        <message>
            <source>Leave empty to keep the saved secret</source>
            <translation>Déjelo vacío para conservar el secreto guardado</translation>
        </message>
        <message>
            <source>The secret is kept in the system keychain, never in the settings file. Leave the field empty to keep the saved secret.</source>
            <translation>El secreto se guarda en el llavero del sistema, nunca en el archivo de configuración. Deje el campo vacío para conservar el secreto guardado.</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Client &amp;name</source>
            <translation>&amp;Nombre del cliente</translation>
        </message>
        <message>
            <source>&amp;Products</source>
            <translation>&amp;Productos</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Productos</translation>
        </message>
        <message>
            <source>&amp;Countries</source>
            <translation>&amp;Países</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Países</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>&amp;Webhook</source>
            <translation>&amp;Webhook</translation>
        </message>
        <message>
            <source>https://… (optional)</source>
            <translation>https://… (opcional)</translation>
        </message>
        <message>
            <source>OAuth &amp;redirect_uri</source>
            <translation>OAuth &amp;redirect_uri</translation>
        </message>
        <message>
            <source>weft://oauth or https://… (optional)</source>
            <translation>weft://oauth o https://… (opcional)</translation>
        </message>
        <message>
            <source>With an address here, banks' sign-in pages open in your web browser and come back to Weft through it. Empty: they open in a Weft window.</source>
            <translation>Con una dirección aquí, las páginas de inicio de sesión de los bancos se abren en su navegador web y vuelven a Weft a través de él. Vacío: se abren en una ventana de Weft.</translation>
        </message>
        <message>
            <source>client_user_id</source>
            <translation>client_user_id</translation>
        </message>
        <message>
            <source>A random id Weft made once for Link; never personal data.</source>
            <translation>Un identificador aleatorio que Weft creó una vez para Link; nunca datos personales.</translation>
        </message>
        <message>
            <source>&amp;Open Link in</source>
            <translation>Abrir Link &amp;en</translation>
        </message>
        <message>
            <source>Your web browser works for banks and checks that Weft's window cannot show. Weft waits while you finish there.</source>
            <translation>Su navegador web sirve para bancos y comprobaciones que la ventana de Weft no puede mostrar. Weft espera mientras usted termina allí.</translation>
        </message>
        <message>
            <source>Same as the system (%1)</source>
            <translation>Como el sistema (%1)</translation>
        </message>
        <message>
            <source>This window</source>
            <translation>Esta ventana</translation>
        </message>
        <message>
            <source>Your web browser</source>
            <translation>Su navegador web</translation>
        </message>
        <message>
            <source>Plaid's API with Sandbox rules, inside Weft: no network and no keys needed.</source>
            <translation>La API de Plaid con las reglas de la Sandbox, dentro de Weft: sin red ni claves.</translation>
        </message>
        <message>
            <source>Plaid's Sandbox at sandbox.plaid.com with your own keys.</source>
            <translation>La Sandbox de Plaid en sandbox.plaid.com con sus propias claves.</translation>
        </message>
        <message>
            <source>Plaid's Production at production.plaid.com with your own keys: real banks and real data.</source>
            <translation>La Producción de Plaid en production.plaid.com con sus propias claves: bancos reales y datos reales.</translation>
        </message>
        <message>
            <source>Plaid Production</source>
            <translation>Plaid Producción</translation>
        </message>
        <message>
            <source>Plaid expects the API secret to live on a server, not on the desktop. Weft's direct Production mode is meant for people using their own Plaid keys for their own accounts: the secret is kept in this computer's keychain, and anyone who can use this account can use it.</source>
            <translation>Plaid espera que el secreto de la API esté en un servidor, no en el escritorio. El modo Producción directo de Weft es para quienes usan sus propias claves de Plaid con sus propias cuentas: el secreto se guarda en el llavero de este equipo, y cualquiera que pueda usar esta cuenta de usuario puede usarlo.</translation>
        </message>
        <message>
            <source>Ser&amp;ver address</source>
            <translation>Dirección del ser&amp;vidor</translation>
        </message>
        <message>
            <source>https://weft.example.com</source>
            <translation>https://weft.example.com</translation>
        </message>
        <message>
            <source>Enrolment c&amp;ode</source>
            <translation>Código de &amp;alta</translation>
        </message>
        <message>
            <source>Leave empty to stay signed in</source>
            <translation>Déjelo vacío para seguir con la sesión iniciada</translation>
        </message>
        <message>
            <source>Your provider gives you the address and a one-time enrolment code. Weft keeps only its sign-in in the system keychain; your bank connections&apos; keys stay on the server.</source>
            <translation>Su proveedor le da la dirección y un código de alta de un solo uso. Weft guarda solo su inicio de sesión en el llavero del sistema; las claves de sus conexiones bancarias se quedan en el servidor.</translation>
        </message>
        <message>
            <source>The server of the company that gave you Weft: it keeps the keys to your bank connections, and tells Weft when one needs you.</source>
            <translation>El servidor de la empresa que le dio Weft: guarda las claves de sus conexiones bancarias y avisa a Weft cuando una le necesita.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Every action is also in the menus: press Alt and the underlined letter, or F10 to reach the menu bar.</source>
            <translation>Cada acción está también en los menús: pulse Alt y la letra subrayada, o F10 para llegar a la barra de menús.</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menú</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source> or </source>
            <translation> o </translation>
        </message>
    </context>
    <context>
        <name>weft::AppSettings</name>
        <message>
            <source>Embedded Plaid Sandbox</source>
            <translation>Sandbox de Plaid integrada</translation>
        </message>
        <message>
            <source>Plaid Sandbox</source>
            <translation>Plaid Sandbox</translation>
        </message>
        <message>
            <source>Plaid Production</source>
            <translation>Plaid Producción</translation>
        </message>
        <message>
            <source>A Plaid client_id is needed for %1.</source>
            <translation>Se necesita un client_id de Plaid para %1.</translation>
        </message>
        <message>
            <source>The client name must have 1 to 30 characters.</source>
            <translation>El nombre del cliente debe tener de 1 a 30 caracteres.</translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Elija al menos un producto.</translation>
        </message>
        <message>
            <source>Choose at least one country.</source>
            <translation>Elija al menos un país.</translation>
        </message>
        <message>
            <source>Link does not support the language "%1".</source>
            <translation>Link no admite el idioma «%1».</translation>
        </message>
        <message>
            <source>The webhook must be an http or https address.</source>
            <translation>El webhook debe ser una dirección http o https.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI must be an https address.</source>
            <translation>La URI de redirección de OAuth debe ser una dirección https.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI must be an https or weft:// address.</source>
            <translation>La URI de redirección de OAuth debe ser una dirección https o weft://.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI may not have a query (?...).</source>
            <translation>La URI de redirección de OAuth no puede tener una consulta (?...).</translation>
        </message>
        <message>
            <source>Your provider&apos;s server</source>
            <translation>Servidor de su proveedor</translation>
        </message>
        <message>
            <source>Enter your provider&apos;s server address, such as https://weft.example.com.</source>
            <translation>Introduzca la dirección del servidor de su proveedor, por ejemplo https://weft.example.com.</translation>
        </message>
        <message>
            <source>The server&apos;s address is only its https:// address, without a name, password or query.</source>
            <translation>La dirección del servidor es solo su dirección https://, sin nombre, contraseña ni consulta.</translation>
        </message>
        <message>
            <source>The server&apos;s address must start with https:// (plain http is only for a server on this computer).</source>
            <translation>La dirección del servidor debe empezar por https:// (http sin cifrar solo para un servidor en este equipo).</translation>
        </message>
    </context>
    <context>
        <name>weft::main</name>
        <message>
            <source>Connect bank accounts with Plaid Link.

  weft items [--json] [--refresh]   list the Items (see weft items --help)
  weft item ITEM_ID [--json]        one Item in full</source>
            <translation>Conectar cuentas bancarias con Plaid Link.

  weft items [--json] [--refresh]   listar los Items (vea weft items --help)
  weft item ITEM_ID [--json]        un Item completo</translation>
        </message>
        <message>
            <source>Use the embedded Plaid Sandbox (the default: no network, no keys).</source>
            <translation>Usar la Sandbox de Plaid integrada (por defecto: sin red ni claves).</translation>
        </message>
        <message>
            <source>Open Link as soon as it is ready.</source>
            <translation>Abrir Link en cuanto esté listo.</translation>
        </message>
        <message>
            <source>Sandbox mode only: allow Chromium's remote debugging of the Link view on 127.0.0.1:PORT.</source>
            <translation>Solo en modo sandbox: permitir la depuración remota de Chromium de la vista de Link en 127.0.0.1:PORT.</translation>
        </message>
        <message>
            <source>For weft-bench: print start-up and Link milestones on standard output and take its commands on standard input.</source>
            <translation>Para weft-bench: escribir los hitos del inicio y de Link en la salida estándar y tomar sus órdenes de la entrada estándar.</translation>
        </message>
        <message>
            <source>A weft:// address the system opens Weft with when a bank's sign-in returns (OAuth by redirect).</source>
            <translation>Una dirección weft:// con la que el sistema abre Weft cuando vuelve el inicio de sesión de un banco (OAuth por redirección).</translation>
        </message>
        <message>
            <source>[address]</source>
            <translation>[dirección]</translation>
        </message>
        <message>
            <source>Use your provider&apos;s weft-server at URL (saved in the settings). With an enrolment code in the environment variable WEFT_ENROLMENT_CODE, enrol with it first.</source>
            <translation>Usar el weft-server de su proveedor en URL (se guarda en los ajustes). Con un código de alta en la variable de entorno WEFT_ENROLMENT_CODE, darse de alta con él primero.</translation>
        </message>
    </context>
    <context>
        <name>weft::ui::Dismissible</name>
        <message>
            <source>Dismiss</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>Dismiss this message</source>
            <translation>Descartar este mensaje</translation>
        </message>
    </context>
    <context>
        <name>weft::vault</name>
        <message>
            <source>Saved in the keychain.</source>
            <translation>Guardado en el llavero.</translation>
        </message>
        <message>
            <source>The keychain has no such entry.</source>
            <translation>El llavero no tiene esa entrada.</translation>
        </message>
        <message>
            <source>No keychain is available. Start your desktop's keyring (Secret Service or KWallet) and try again.</source>
            <translation>No hay ningún llavero disponible. Inicie el llavero de su escritorio (Secret Service o KWallet) e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>Weft cannot reach the keychain: the libsecret library (libsecret-1.so.0) is not installed. Install the package libsecret-1-0 (Debian, Ubuntu) or libsecret (Fedora, openSUSE) and try again.</source>
            <translation>Weft no puede acceder al llavero: la biblioteca libsecret (libsecret-1.so.0) no está instalada. Instale el paquete libsecret-1-0 (Debian, Ubuntu) o libsecret (Fedora, openSUSE) e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The keychain refused access. Unlock it and try again.</source>
            <translation>El llavero denegó el acceso. Desbloquéelo e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>Access to the keychain was denied. Allow Weft to use it and try again.</source>
            <translation>Se denegó el acceso al llavero. Permita que Weft lo use e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The keychain reported success but did not keep the value.</source>
            <translation>El llavero informó de éxito pero no guardó el valor.</translation>
        </message>
        <message>
            <source>The keychain did not answer. It may be locked and waiting for its password, or not running. Unlock or restart it and try again.</source>
            <translation>El llavero no respondió. Puede que esté bloqueado esperando su contraseña, o que no se esté ejecutando. Desbloquéelo o reinícielo e inténtelo de nuevo.</translation>
        </message>
        <message>
            <source>The keychain failed.</source>
            <translation>El llavero falló.</translation>
        </message>
    </context>
    <context>
        <name>ServerCredential</name>
        <message>
            <source>The server did not accept the enrolment code: %1</source>
            <translation>El servidor no aceptó el código de alta: %1</translation>
        </message>
        <message>
            <source>The server could not be reached: %1</source>
            <translation>No se pudo contactar con el servidor: %1</translation>
        </message>
        <message>
            <source>The server&apos;s sign-in answer is incomplete (no tokens or expiry).</source>
            <translation>La respuesta de inicio de sesión del servidor está incompleta (sin tokens o sin caducidad).</translation>
        </message>
        <message>
            <source>The sign-in could not be saved to the keychain: %1</source>
            <translation>No se pudo guardar el inicio de sesión en el llavero: %1</translation>
        </message>
        <message>
            <source>This computer is not enrolled with the server: enter an enrolment code in the settings.</source>
            <translation>Este equipo no está dado de alta en el servidor: introduzca un código de alta en los ajustes.</translation>
        </message>
        <message>
            <source>The server sign-in could not be read from the keychain: %1</source>
            <translation>No se pudo leer del llavero el inicio de sesión en el servidor: %1</translation>
        </message>
        <message>
            <source>The server ended this computer&apos;s sign-in (%1). Enter a new enrolment code in the settings.</source>
            <translation>El servidor cerró la sesión de este equipo (%1). Introduzca un código de alta nuevo en los ajustes.</translation>
        </message>
    </context>
    <context>
        <name>ServerItems</name>
        <message>
            <source>The server no longer has this Item.</source>
            <translation>El servidor ya no tiene este Item.</translation>
        </message>
        <message>
            <source>A support account cannot remove someone&apos;s connection.</source>
            <translation>Una cuenta de soporte no puede eliminar la conexión de otra persona.</translation>
        </message>
    </context>
    <context>
        <name>weft::remote::ServerLinkBackend</name>
        <message>
            <source>Link in the browser is not available with your provider&apos;s server; Link opens in Weft&apos;s window.</source>
            <translation>Link en el navegador no está disponible con el servidor de su proveedor; Link se abre en la ventana de Weft.</translation>
        </message>
    </context>
</TS>
