<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Weft</source>
            <translation>Über Weft</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Weft %1&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Weft %1&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>Weft connects your bank accounts with Plaid Link. Your bank password goes only to your bank, never to Weft. The key Plaid gives Weft for each connection is kept in your system's keychain, not in a file.</source>
            <translation>Weft verbindet Ihre Bankkonten über Plaid Link. Ihr Bankpasswort geht nur an Ihre Bank, nie an Weft. Den Schlüssel, den Plaid Weft für jede Verbindung gibt, bewahrt Weft im Schlüsselbund Ihres Systems auf, nicht in einer Datei.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versionen</translation>
        </message>
        <message>
            <source>Weft contains Qt and Qt WebEngine (GNU LGPL version 3), Chromium (its own licences, BSD-style and others) and QtKeychain (BSD 3-clause). Their licence texts come with Weft.</source>
            <translation>Weft enthält Qt und Qt WebEngine (GNU LGPL Version 3), Chromium (eigene Lizenzen, BSD-artige und andere) und QtKeychain (BSD, 3 Klauseln). Die Lizenztexte werden mit Weft geliefert.</translation>
        </message>
        <message>
            <source>&amp;Copy versions</source>
            <translation>Versionen &amp;kopieren</translation>
        </message>
        <message>
            <source>Show &amp;licences</source>
            <translation>&amp;Lizenzen anzeigen</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>Über &amp;Qt</translation>
        </message>
        <message>
            <source>Weft %1 · Qt %2 · Chromium %3 (security fixes to %4)</source>
            <translation>Weft %1 · Qt %2 · Chromium %3 (Sicherheitskorrekturen bis %4)</translation>
        </message>
    </context>
    <context>
        <name>AttentionBanner</name>
        <message>
            <source>A bank connection needs you</source>
            <translation>Eine Bankverbindung braucht Sie</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Nicht jetzt</translation>
        </message>
        <message>
            <source>Hide this until another connection needs you</source>
            <translation>Ausblenden, bis eine andere Verbindung Sie braucht</translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1: %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n other connection(s) need you too.</source>
            <translation>
                <numerusform>%n weitere Verbindung braucht Sie ebenfalls.</numerusform>
                <numerusform>%n weitere Verbindungen brauchen Sie ebenfalls.</numerusform>
            </translation>
        </message>
        <message>
            <source>Opens Link to repair the connection</source>
            <translation>Öffnet Link, um die Verbindung zu reparieren</translation>
        </message>
        <message>
            <source>Link is not part of this session: change the settings</source>
            <translation>Link gehört nicht zu dieser Sitzung: Ändern Sie die Einstellungen</translation>
        </message>
    </context>
    <context>
        <name>AttentionNotifier</name>
        <message>
            <source>%1 needs you</source>
            <translation>%1 braucht Sie</translation>
        </message>
        <message>
            <source>%1. %2 in Weft.</source>
            <translation>%1. %2 in Weft.</translation>
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
            <translation>Diese Adresse wird nicht verwendet.</translation>
        </message>
        <message>
            <source>Back to Weft</source>
            <translation>Zurück zu Weft</translation>
        </message>
        <message>
            <source>You can close this page and go back to Weft.</source>
            <translation>Sie können diese Seite schließen und zu Weft zurückkehren.</translation>
        </message>
    </context>
    <context>
        <name>CopyableTable</name>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>Alles auswählen</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsViewer</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnosedaten</translation>
        </message>
        <message>
            <source>Where the diagnostics come from</source>
            <translation>Herkunft der Diagnosedaten</translation>
        </message>
        <message>
            <source>The file is larger than diagnostics ever are (%1 bytes).</source>
            <translation>Die Datei ist größer, als Diagnosedaten je sind (%1 Bytes).</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: %1 at byte %2.</source>
            <translation>Die Datei enthält keine Diagnosedaten von Weft: %1 bei Byte %2.</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: no JSON object in it.</source>
            <translation>Die Datei enthält keine Diagnosedaten von Weft: kein JSON-Objekt darin.</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: %1.</source>
            <translation>Die Datei enthält keine Diagnosedaten von Weft: %1.</translation>
        </message>
        <message>
            <source>Sent without versions (an older Weft).</source>
            <translation>Ohne Versionen gesendet (ein älteres Weft).</translation>
        </message>
        <message>
            <source>Sent from: %1</source>
            <translation>Gesendet von: %1</translation>
        </message>
    </context>
    <context>
        <name>HostedLinkController</name>
        <message>
            <source>Could not prepare Link for your browser</source>
            <translation>Link konnte für Ihren Browser nicht vorbereitet werden</translation>
        </message>
        <message>
            <source>Plaid did not give an address for Link in your browser (Hosted Link may not be enabled for this account).</source>
            <translation>Plaid hat keine Adresse für Link in Ihrem Browser geliefert (Hosted Link ist für dieses Konto vielleicht nicht freigeschaltet).</translation>
        </message>
        <message>
            <source>Plaid gave an address for Link that is not secure (not https), so Weft did not open it.</source>
            <translation>Plaid hat eine unsichere Adresse für Link geliefert (nicht https), daher hat Weft sie nicht geöffnet.</translation>
        </message>
        <message>
            <source>The Link page in your browser expired before it was finished. Nothing was connected; you can start again.</source>
            <translation>Die Link-Seite in Ihrem Browser ist abgelaufen, bevor sie abgeschlossen war. Es wurde nichts verbunden; Sie können neu beginnen.</translation>
        </message>
        <message>
            <source>Weft could not learn how Link ended in your browser</source>
            <translation>Weft konnte nicht erfahren, wie Link in Ihrem Browser geendet hat</translation>
        </message>
        <message>
            <source>Plaid's answer about the Link session could not be read: %1</source>
            <translation>Die Antwort von Plaid zur Link-Sitzung war nicht lesbar: %1</translation>
        </message>
        <message>
            <source>Link was closed in your browser. No bank account was connected.</source>
            <translation>Link wurde in Ihrem Browser geschlossen. Es wurde kein Bankkonto verbunden.</translation>
        </message>
        <message>
            <source>The bank was linked, but the connection could not be completed</source>
            <translation>Die Bank wurde verknüpft, aber die Verbindung konnte nicht abgeschlossen werden</translation>
        </message>
    </context>
    <context>
        <name>HostedLinkPane</name>
        <message>
            <source>&amp;Open the page again</source>
            <translation>Seite erneut ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Cop&amp;y the address</source>
            <translation>Adresse kop&amp;ieren</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Abbrechen</translation>
        </message>
        <message>
            <source>Link in your web browser</source>
            <translation>Link in Ihrem Webbrowser</translation>
        </message>
        <message>
            <source>Copy the page's address, to open it in a browser yourself</source>
            <translation>Die Adresse der Seite kopieren, um sie selbst in einem Browser zu öffnen</translation>
        </message>
        <message>
            <source>Stop waiting for the page in your browser</source>
            <translation>Nicht länger auf die Seite in Ihrem Browser warten</translation>
        </message>
        <message>
            <source>Preparing Link for your web browser…</source>
            <translation>Link wird für Ihren Webbrowser vorbereitet …</translation>
        </message>
        <message>
            <source>Finish connecting your bank in your web browser. Weft waits here and completes the connection when you are done.</source>
            <translation>Schließen Sie die Verbindung mit Ihrer Bank in Ihrem Webbrowser ab. Weft wartet hier und stellt die Verbindung fertig, sobald Sie so weit sind.</translation>
        </message>
        <message>
            <source>Weft could not open your web browser. Copy the address and open it in your browser; Weft waits here.</source>
            <translation>Weft konnte Ihren Webbrowser nicht öffnen. Kopieren Sie die Adresse und öffnen Sie sie in Ihrem Browser; Weft wartet hier.</translation>
        </message>
        <message>
            <source>Completing the connection…</source>
            <translation>Die Verbindung wird fertiggestellt …</translation>
        </message>
    </context>
    <context>
        <name>ItemDetailsView</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Official name</source>
            <translation>Offizieller Name</translation>
        </message>
        <message>
            <source>Mask</source>
            <translation>Maske</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Verfügbar</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Aktuell</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>account_id</source>
            <translation>account_id</translation>
        </message>
        <message>
            <source>Time (UTC)</source>
            <translation>Zeit (UTC)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Ansicht</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>Bank logo</source>
            <translation>Logo der Bank</translation>
        </message>
        <message>
            <source>Connection details</source>
            <translation>Details der Verbindung</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Konten</translation>
        </message>
        <message>
            <source>Link events</source>
            <translation>Link-Ereignisse</translation>
        </message>
        <message>
            <source>item_id</source>
            <translation>item_id</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <source>institution_id</source>
            <translation>institution_id</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Institut</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>Linked (UTC)</source>
            <translation>Verknüpft (UTC)</translation>
        </message>
        <message>
            <source>Last refresh (UTC)</source>
            <translation>Zuletzt aktualisiert (UTC)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
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
            <translation>Problem beim Aktualisieren</translation>
        </message>
        <message>
            <source>Access token</source>
            <translation>Zugriffstoken</translation>
        </message>
        <message>
            <source>Products available</source>
            <translation>Verfügbare Produkte</translation>
        </message>
        <message>
            <source>Products billed</source>
            <translation>Abgerechnete Produkte</translation>
        </message>
        <message>
            <source>Consent expires (UTC)</source>
            <translation>Einwilligung läuft ab (UTC)</translation>
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
            <translation>Die neueste zuerst</translation>
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
            <translation>Wählen Sie ein Item aus, um seine Details zu sehen.</translation>
        </message>
        <message>
            <source>%1 — %2 (another environment: %3)</source>
            <translation>%1 — %2 (andere Umgebung: %3)</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>Accounts (%1)</source>
            <translation>Konten (%1)</translation>
        </message>
        <message>
            <source>Link events (%1)</source>
            <translation>Link-Ereignisse (%1)</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keiner</translation>
        </message>
        <message>
            <source>User (provider&apos;s server)</source>
            <translation>Nutzer (Server des Anbieters)</translation>
        </message>
    </context>
    <context>
        <name>ItemRefreshJob</name>
        <message>
            <source>no such Item</source>
            <translation>kein solches Item</translation>
        </message>
        <message>
            <source>belongs to the %1 environment; switch to it to refresh</source>
            <translation>gehört zur Umgebung %1; wechseln Sie dorthin, um es zu aktualisieren</translation>
        </message>
        <message>
            <source>the access token is missing from the keychain</source>
            <translation>das Zugriffstoken fehlt im Schlüsselbund</translation>
        </message>
        <message>
            <source>removed while refreshing</source>
            <translation>während der Aktualisierung entfernt</translation>
        </message>
    </context>
    <context>
        <name>ItemRemoval</name>
        <message>
            <source>keychain</source>
            <translation>Schlüsselbund</translation>
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
            <translation>Nicht gespeichert: %1</translation>
        </message>
        <message>
            <source>saving…</source>
            <translation>wird gespeichert …</translation>
        </message>
        <message>
            <source>The access token is missing from the keychain. Link this bank again, or remove the Item.</source>
            <translation>Das Zugriffstoken fehlt im Schlüsselbund. Verknüpfen Sie diese Bank erneut oder entfernen Sie das Item.</translation>
        </message>
        <message>
            <source>The access token was lost: Weft stopped (%1) before the keychain could save it. Link this bank again to use it in Weft; the old connection can no longer be used or removed from here.</source>
            <translation>Das Zugriffstoken ging verloren: Weft wurde beendet (%1), bevor der Schlüsselbund es speichern konnte. Verknüpfen Sie diese Bank erneut, um sie in Weft zu nutzen; die alte Verbindung lässt sich von hier aus weder nutzen noch entfernen.</translation>
        </message>
        <message>
            <source>Your bank</source>
            <translation>Ihre Bank</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Verbunden</translation>
        </message>
        <message>
            <source>Sign-in needed</source>
            <translation>Anmeldung nötig</translation>
        </message>
        <message>
            <source>Access ends soon</source>
            <translation>Zugriff endet bald</translation>
        </message>
        <message>
            <source>Disconnects soon</source>
            <translation>Wird bald getrennt</translation>
        </message>
        <message>
            <source>New accounts found</source>
            <translation>Neue Konten gefunden</translation>
        </message>
        <message>
            <source>Bank not answering</source>
            <translation>Bank antwortet nicht</translation>
        </message>
        <message>
            <source>Bank no longer supported</source>
            <translation>Bank nicht mehr unterstützt</translation>
        </message>
        <message>
            <source>Locked at the bank</source>
            <translation>Bei der Bank gesperrt</translation>
        </message>
        <message>
            <source>Access withdrawn</source>
            <translation>Zugriff widerrufen</translation>
        </message>
        <message>
            <source>Not working</source>
            <translation>Funktioniert nicht</translation>
        </message>
        <message>
            <source>Choose accounts to share from %1</source>
            <translation>Konten von %1 zum Teilen auswählen</translation>
        </message>
        <message>
            <source>Sign in to %1 again</source>
            <translation>Erneut bei %1 anmelden</translation>
        </message>
        <message>
            <source>Kept for the %1 environment (not the current one)</source>
            <translation>Für die Umgebung %1 aufbewahrt (nicht die aktuelle)</translation>
        </message>
        <message>
            <source>Saved in the keychain</source>
            <translation>Im Schlüsselbund gespeichert</translation>
        </message>
        <message>
            <source>only Items of a sandbox environment can be reset</source>
            <translation>nur Items einer Sandbox-Umgebung lassen sich zurücksetzen</translation>
        </message>
        <message>
            <source>Your provider&apos;s server holds this Item&apos;s access token.</source>
            <translation>Der Server Ihres Anbieters verwahrt den Zugangsschlüssel dieses Items.</translation>
        </message>
        <message>
            <source>server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Kept by your provider&apos;s server</source>
            <translation>Vom Server Ihres Anbieters verwahrt</translation>
        </message>
    </context>
    <context>
        <name>ItemsFilterModel</name>
        <message>
            <source>Belongs to the %1 environment: switch the backend in the settings to act on it.</source>
            <translation>Gehört zur Umgebung %1: Wechseln Sie das Backend in den Einstellungen, um damit zu arbeiten.</translation>
        </message>
    </context>
    <context>
        <name>ItemsModel</name>
        <message>
            <source>No accounts yet</source>
            <translation>Noch keine Konten</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source>Other environment</source>
            <translation>Andere Umgebung</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Gespeichert</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Fehlt</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Institut</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Token</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <source>Last refresh</source>
            <translation>Zuletzt aktualisiert</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Konten</translation>
        </message>
    </context>
    <context>
        <name>ItemsPanel</name>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Bank connections</source>
            <translation>Bankverbindungen</translation>
        </message>
        <message>
            <source>Filter bank connections</source>
            <translation>Bankverbindungen filtern</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>Ask Plaid for the selected Items' status and accounts</source>
            <translation>Plaid nach Status und Konten der ausgewählten Items fragen</translation>
        </message>
        <message>
            <source>Refresh &amp;all</source>
            <translation>A&amp;lle aktualisieren</translation>
        </message>
        <message>
            <source>Refresh every Item of the current environment</source>
            <translation>Alle Items der aktuellen Umgebung aktualisieren</translation>
        </message>
        <message>
            <source>&amp;Fix connection…</source>
            <translation>Verbindung &amp;reparieren …</translation>
        </message>
        <message>
            <source>Open Link in update mode to repair the connection</source>
            <translation>Link im Aktualisierungsmodus öffnen, um die Verbindung zu reparieren</translation>
        </message>
        <message>
            <source>Retry &amp;saving</source>
            <translation>Erneut &amp;speichern</translation>
        </message>
        <message>
            <source>Save the access token to the keychain again</source>
            <translation>Das Zugriffstoken erneut im Schlüsselbund speichern</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>&amp;Entfernen …</translation>
        </message>
        <message>
            <source>Remove the Item at Plaid, from the keychain and from Weft</source>
            <translation>Das Item bei Plaid, aus dem Schlüsselbund und aus Weft entfernen</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostics</source>
            <translation>&amp;Diagnosedaten kopieren</translation>
        </message>
        <message>
            <source>Copy the Item's ids, statuses and events as JSON (no token)</source>
            <translation>IDs, Status und Ereignisse des Items als JSON kopieren (ohne Token)</translation>
        </message>
        <message>
            <source>Copy &amp;item_id</source>
            <translation>&amp;item_id kopieren</translation>
        </message>
        <message>
            <source>Copy the Item's item_id</source>
            <translation>Die item_id des Items kopieren</translation>
        </message>
        <message>
            <source>Simulate &amp;login required (sandbox)</source>
            <translation>&amp;Anmeldung erforderlich simulieren (Sandbox)</translation>
        </message>
        <message>
            <source>Sandbox only: make Plaid's sandbox ask for the login again (/sandbox/item/reset_login), to try Fix connection</source>
            <translation>Nur Sandbox: Plaids Sandbox erneut nach der Anmeldung fragen lassen (/sandbox/item/reset_login), um „Verbindung reparieren“ auszuprobieren</translation>
        </message>
        <message>
            <source>Fi&amp;nd…</source>
            <translation>&amp;Suchen …</translation>
        </message>
        <message>
            <source>Filter the list by bank, item_id or status</source>
            <translation>Die Liste nach Bank, item_id oder Status filtern</translation>
        </message>
        <message>
            <source>The connection to %1 is not saved in the keychain: %2</source>
            <translation>Die Verbindung zu %1 ist nicht im Schlüsselbund gespeichert: %2</translation>
        </message>
        <message>
            <source>%1 was removed.</source>
            <translation>%1 wurde entfernt.</translation>
        </message>
        <message>
            <source>The connection</source>
            <translation>Die Verbindung</translation>
        </message>
        <message>
            <source>%1 was not removed: the %2 step failed. %3 It is still listed; you can try again.</source>
            <translation>%1 wurde nicht entfernt: Der Schritt „%2“ ist fehlgeschlagen. %3 Die Verbindung bleibt in der Liste; Sie können es erneut versuchen.</translation>
        </message>
        <message>
            <source>The sandbox now asks for the login of %1 again; refreshing it.</source>
            <translation>Die Sandbox verlangt jetzt erneut die Anmeldung bei %1; die Verbindung wird aktualisiert.</translation>
        </message>
        <message>
            <source>The login of %1 could not be reset: %2</source>
            <translation>Die Anmeldung bei %1 konnte nicht zurückgesetzt werden: %2</translation>
        </message>
        <message>
            <source>The Item</source>
            <translation>Das Item</translation>
        </message>
        <message>
            <source>Saved in the keychain (as far as the index knows)</source>
            <translation>Im Schlüsselbund gespeichert (soweit der Index weiß)</translation>
        </message>
        <message>
            <source>Not saved in the keychain</source>
            <translation>Nicht im Schlüsselbund gespeichert</translation>
        </message>
        <message numerus="yes">
            <source>%n bank connection(s)</source>
            <translation>
                <numerusform>%n Bankverbindung</numerusform>
                <numerusform>%n Bankverbindungen</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 shown</source>
            <translation>%1 von %2 angezeigt</translation>
        </message>
        <message>
            <source>Select Items of the current environment to refresh them.</source>
            <translation>Wählen Sie Items der aktuellen Umgebung aus, um sie zu aktualisieren.</translation>
        </message>
        <message>
            <source>No Item belongs to the current environment (%1).</source>
            <translation>Kein Item gehört zur aktuellen Umgebung (%1).</translation>
        </message>
        <message>
            <source>Opening Link to fix %1…</source>
            <translation>Link wird geöffnet, um %1 zu reparieren …</translation>
        </message>
        <message>
            <source>Saving the access token of %1 again…</source>
            <translation>Das Zugriffstoken von %1 wird erneut gespeichert …</translation>
        </message>
        <message>
            <source>Remove %1?

Weft asks Plaid to end this connection, deletes its key from the keychain and forgets it. This cannot be undone; to use this bank again, connect it anew.</source>
            <translation>%1 entfernen?

Weft bittet Plaid, diese Verbindung zu beenden, löscht ihren Schlüssel aus dem Schlüsselbund und vergisst sie. Das lässt sich nicht rückgängig machen; um diese Bank wieder zu nutzen, verbinden Sie sie neu.</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>%1 entfernen</translation>
        </message>
        <message>
            <source>Removing %1…</source>
            <translation>%1 wird entfernt …</translation>
        </message>
        <message>
            <source>The diagnostics of %1 are on the clipboard.</source>
            <translation>Die Diagnosedaten von %1 sind in der Zwischenablage.</translation>
        </message>
        <message>
            <source>Filter by bank or status</source>
            <translation>Nach Bank oder Status filtern</translation>
        </message>
        <message>
            <source>&amp;Choose shared accounts…</source>
            <translation>&amp;Geteilte Konten wählen …</translation>
        </message>
        <message>
            <source>Open Link to choose which of the bank&apos;s accounts Weft may see, new ones among them</source>
            <translation>Link öffnen, um zu wählen, welche Konten der Bank Weft sehen darf, auch neue</translation>
        </message>
        <message>
            <source>Opening Link to choose accounts at %1…</source>
            <translation>Link wird geöffnet, um Konten bei %1 zu wählen …</translation>
        </message>
    </context>
    <context>
        <name>LinkController</name>
        <message>
            <source>Could not prepare a Link session</source>
            <translation>Es konnte keine Link-Sitzung vorbereitet werden</translation>
        </message>
        <message>
            <source>The bank was linked, but the connection could not be completed</source>
            <translation>Die Bank wurde verknüpft, aber die Verbindung konnte nicht abgeschlossen werden</translation>
        </message>
        <message>
            <source>Link's session kept expiring, so Weft stopped preparing new ones. Choose Try again when you are ready.</source>
            <translation>Die Link-Sitzung ist wiederholt abgelaufen, daher bereitet Weft vorerst keine neue vor. Wählen Sie „Erneut versuchen“, wenn Sie so weit sind.</translation>
        </message>
        <message>
            <source>The Link session expired. A new one is being prepared; please try again.</source>
            <translation>Die Link-Sitzung ist abgelaufen. Eine neue wird vorbereitet; bitte versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Link could not start: %1</source>
            <translation>Link konnte nicht starten: %1</translation>
        </message>
    </context>
    <context>
        <name>LinkTexts</name>
        <message>
            <source>Getting a Link token…</source>
            <translation>Ein Link-Token wird geholt …</translation>
        </message>
        <message>
            <source>Loading Link…</source>
            <translation>Link wird geladen …</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Bereit</translation>
        </message>
        <message>
            <source>Link is open</source>
            <translation>Link ist geöffnet</translation>
        </message>
        <message>
            <source>Completing the connection…</source>
            <translation>Die Verbindung wird fertiggestellt …</translation>
        </message>
        <message>
            <source>Link is not available</source>
            <translation>Link ist nicht verfügbar</translation>
        </message>
        <message>
            <source>error code %1</source>
            <translation>Fehlercode %1</translation>
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
            <translation>Zugriffstoken nicht gespeichert</translation>
        </message>
        <message>
            <source>The access tokens of these Items are not saved in the keychain. If Weft quits now, they are lost and the Items must be linked again.</source>
            <translation>Die Zugriffstoken dieser Items sind nicht im Schlüsselbund gespeichert. Wenn Weft jetzt beendet wird, gehen sie verloren und die Items müssen neu verknüpft werden.</translation>
        </message>
        <message>
            <source>The access tokens of these Items are not saved in the keychain. If the backend changes now, they are lost and the Items must be linked again.</source>
            <translation>Die Zugriffstoken dieser Items sind nicht im Schlüsselbund gespeichert. Wenn sich das Backend jetzt ändert, gehen sie verloren und die Items müssen neu verknüpft werden.</translation>
        </message>
        <message>
            <source>Retry saving</source>
            <translation>Erneut speichern</translation>
        </message>
        <message>
            <source>Quit anyway</source>
            <translation>Trotzdem beenden</translation>
        </message>
        <message>
            <source>Apply anyway</source>
            <translation>Trotzdem übernehmen</translation>
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
            <translation>&lt;h2&gt;Weft&lt;/h2&gt;Verbinden Sie Ihre Bankkonten mit Plaid Link.</translation>
        </message>
        <message>
            <source>&amp;Connect a bank account</source>
            <translation>Bankkonto &amp;verbinden</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>&amp;Erneut versuchen</translation>
        </message>
        <message>
            <source>Use your &amp;browser instead</source>
            <translation>Stattdessen den &amp;Browser verwenden</translation>
        </message>
        <message>
            <source>Open Link in your web browser for this attempt; Weft waits and finishes the connection</source>
            <translation>Link für diesen Versuch in Ihrem Webbrowser öffnen; Weft wartet und stellt die Verbindung fertig</translation>
        </message>
        <message>
            <source>Link events</source>
            <translation>Link-Ereignisse</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Ansicht</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Institut</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Item</source>
            <translation>&amp;Item</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Toolbar</source>
            <translation>Werkzeugleiste</translation>
        </message>
        <message>
            <source>&amp;Connect a bank account…</source>
            <translation>Bankkonto &amp;verbinden …</translation>
        </message>
        <message>
            <source>Open Plaid Link to connect a bank account</source>
            <translation>Plaid Link öffnen, um ein Bankkonto zu verbinden</translation>
        </message>
        <message>
            <source>&amp;Support view</source>
            <translation>&amp;Support-Ansicht</translation>
        </message>
        <message>
            <source>Show what support staff ask for: ids, error codes, request ids and Link's events</source>
            <translation>Anzeigen, was der Support wissen will: IDs, Fehlercodes, Request-IDs und die Ereignisse von Link</translation>
        </message>
        <message>
            <source>&amp;Open diagnostics…</source>
            <translation>Diagnosedaten ö&amp;ffnen …</translation>
        </message>
        <message>
            <source>Read a diagnostics file someone sent, in the support view</source>
            <translation>Eine zugesandte Diagnosedatei in der Support-Ansicht lesen</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <source>&amp;About Weft</source>
            <translation>Ü&amp;ber Weft</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen …</translation>
        </message>
        <message>
            <source>&amp;Refresh all</source>
            <translation>&amp;Alle aktualisieren</translation>
        </message>
        <message>
            <source>Refresh every Item of the current environment</source>
            <translation>Alle Items der aktuellen Umgebung aktualisieren</translation>
        </message>
        <message>
            <source>Remove &amp;All My Data…</source>
            <translation>Alle meine &amp;Daten entfernen …</translation>
        </message>
        <message>
            <source>Delete Weft's keychain entries, its list of connections, its sandbox state and its settings</source>
            <translation>Die Schlüsselbund-Einträge von Weft, seine Liste der Verbindungen, den Zustand der Sandbox und die Einstellungen löschen</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Weft connects your bank accounts through Plaid. You sign in to your bank in Plaid's own window: your password goes to your bank, never to Weft. For each connection Plaid gives Weft a key, which Weft keeps in your system's keychain, never in a file.</source>
            <translation>Weft verbindet Ihre Bankkonten über Plaid. Sie melden sich in Plaids eigenem Fenster bei Ihrer Bank an: Ihr Passwort geht an Ihre Bank, nie an Weft. Für jede Verbindung gibt Plaid Weft einen Schlüssel, den Weft im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Weft could not save its list of bank connections (%1). Nothing is lost yet: the list is kept in memory and saved as soon as the disk has room. Free some space before you quit.</source>
            <translation>Weft konnte seine Liste der Bankverbindungen nicht speichern (%1). Noch ist nichts verloren: Die Liste bleibt im Speicher und wird gesichert, sobald der Datenträger Platz hat. Schaffen Sie Platz, bevor Sie Weft beenden.</translation>
        </message>
        <message>
            <source>Link is taking longer than usual to load. The computer may be busy; Weft keeps trying.</source>
            <translation>Link lädt länger als üblich. Der Computer ist vielleicht ausgelastet; Weft versucht es weiter.</translation>
        </message>
        <message>
            <source>Link is taking longer than usual to load. It comes from Plaid over the internet: check the connection. Weft keeps trying.</source>
            <translation>Link lädt länger als üblich. Es kommt über das Internet von Plaid: Prüfen Sie die Verbindung. Weft versucht es weiter.</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Wird gestartet …</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Kamera</translation>
        </message>
        <message>
            <source>Plaid wants to use your camera to take a photo that confirms it is you (identity verification, from %1). Allow the camera?</source>
            <translation>Plaid möchte Ihre Kamera für ein Foto verwenden, das bestätigt, dass Sie es sind (Identitätsprüfung, von %1). Kamera erlauben?</translation>
        </message>
        <message>
            <source>Allow the camera</source>
            <translation>Kamera erlauben</translation>
        </message>
        <message>
            <source>Don't allow</source>
            <translation>Nicht erlauben</translation>
        </message>
        <message>
            <source>List not saved</source>
            <translation>Liste nicht gespeichert</translation>
        </message>
        <message>
            <source>Weft could not save its list of bank connections (%1). If it quits now, the latest changes to the list are lost (the connections at Plaid and the tokens in the keychain are not). Quit anyway?</source>
            <translation>Weft konnte seine Liste der Bankverbindungen nicht speichern (%1). Wenn Weft jetzt beendet wird, gehen die letzten Änderungen an der Liste verloren (nicht aber die Verbindungen bei Plaid und die Token im Schlüsselbund). Trotzdem beenden?</translation>
        </message>
        <message>
            <source>Link events of this session</source>
            <translation>Link-Ereignisse dieser Sitzung</translation>
        </message>
        <message>
            <source>Weft %1</source>
            <translation>Weft %1</translation>
        </message>
        <message>
            <source>Link could not be opened to fix %1: %2</source>
            <translation>Link konnte nicht geöffnet werden, um %1 zu reparieren: %2</translation>
        </message>
        <message>
            <source>Link is not part of this session</source>
            <translation>Link gehört nicht zu dieser Sitzung</translation>
        </message>
        <message>
            <source>The settings were not applied: %1
Weft goes on with %2.</source>
            <translation>Die Einstellungen wurden nicht übernommen: %1
Weft arbeitet weiter mit %2.</translation>
        </message>
        <message>
            <source>No backend is running: %1
The Items stay listed; open the settings to fix this.</source>
            <translation>Kein Backend läuft: %1
Die Items bleiben aufgelistet; öffnen Sie die Einstellungen, um das zu beheben.</translation>
        </message>
        <message>
            <source>No backend</source>
            <translation>Kein Backend</translation>
        </message>
        <message>
            <source>Changing the backend…</source>
            <translation>Das Backend wird gewechselt …</translation>
        </message>
        <message>
            <source>Weft could not open your web browser for %1.</source>
            <translation>Weft konnte Ihren Webbrowser für %1 nicht öffnen.</translation>
        </message>
        <message>
            <source>Link asked to open a window that Weft does not allow (windows open only when you click, and only for your bank's sign-in page).</source>
            <translation>Link wollte ein Fenster öffnen, das Weft nicht erlaubt (Fenster öffnen sich nur auf Ihren Klick und nur für die Anmeldeseite Ihrer Bank).</translation>
        </message>
        <message>
            <source>Weft was opened from a bank's sign-in page, but that address is not the one Weft gave the bank (see Settings, OAuth redirect_uri). If you were connecting a bank, start again.</source>
            <translation>Weft wurde von der Anmeldeseite einer Bank geöffnet, aber mit einer anderen Adresse als der, die Weft der Bank gegeben hat (siehe Einstellungen, OAuth redirect_uri). Wenn Sie gerade eine Bank verbunden haben, beginnen Sie neu.</translation>
        </message>
        <message>
            <source>Weft came back from your bank's sign-in, but that Link session is over. Connect the bank again.</source>
            <translation>Weft ist von der Anmeldung bei Ihrer Bank zurückgekehrt, aber diese Link-Sitzung ist vorbei. Verbinden Sie die Bank erneut.</translation>
        </message>
        <message>
            <source>Back from your bank's sign-in: finishing in Link…</source>
            <translation>Zurück von der Anmeldung bei Ihrer Bank: Abschluss in Link …</translation>
        </message>
        <message>
            <source>Unknown institution</source>
            <translation>Unbekanntes Institut</translation>
        </message>
        <message>
            <source>%1 (item_id %2)</source>
            <translation>%1 (item_id %2)</translation>
        </message>
        <message>
            <source>you chose to quit</source>
            <translation>Sie haben beenden gewählt</translation>
        </message>
        <message>
            <source>Saving the access tokens again…</source>
            <translation>Die Zugriffstoken werden erneut gespeichert …</translation>
        </message>
        <message>
            <source>Weft is closing…</source>
            <translation>Weft wird beendet …</translation>
        </message>
        <message>
            <source>the desktop session ended</source>
            <translation>die Desktop-Sitzung wurde beendet</translation>
        </message>
        <message>
            <source>Remove all my data</source>
            <translation>Alle meine Daten entfernen</translation>
        </message>
        <message numerus="yes">
            <source>This deletes everything Weft keeps on this computer: the access tokens of %n connection(s) and your Plaid secrets from the keychain, the list of connections, the sandbox's state and the settings. The connections stay at Plaid (remove them one by one first to end them there). Weft then closes.</source>
            <translation>
                <numerusform>Das löscht alles, was Weft auf diesem Computer aufbewahrt: das Zugriffstoken von %n Verbindung und Ihre Plaid-Secrets aus dem Schlüsselbund, die Liste der Verbindungen, den Zustand der Sandbox und die Einstellungen. Die Verbindung bleibt bei Plaid bestehen (entfernen Sie sie zuerst, um sie dort zu beenden). Danach wird Weft beendet.</numerusform>
                <numerusform>Das löscht alles, was Weft auf diesem Computer aufbewahrt: die Zugriffstoken von %n Verbindungen und Ihre Plaid-Secrets aus dem Schlüsselbund, die Liste der Verbindungen, den Zustand der Sandbox und die Einstellungen. Die Verbindungen bleiben bei Plaid bestehen (entfernen Sie sie zuerst einzeln, um sie dort zu beenden). Danach wird Weft beendet.</numerusform>
            </translation>
        </message>
        <message>
            <source>Some data could not be removed; nothing else was touched:
%1</source>
            <translation>Einige Daten konnten nicht entfernt werden; nichts anderes wurde angetastet:
%1</translation>
        </message>
        <message>
            <source>All of Weft's data is removed.</source>
            <translation>Alle Daten von Weft sind entfernt.</translation>
        </message>
        <message>
            <source>Applying the settings: %1…</source>
            <translation>Die Einstellungen werden übernommen: %1 …</translation>
        </message>
        <message>
            <source>It could not be read: %1</source>
            <translation>Sie konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>Diagnostics: %1</source>
            <translation>Diagnosedaten: %1</translation>
        </message>
        <message>
            <source>Open diagnostics</source>
            <translation>Diagnosedaten öffnen</translation>
        </message>
        <message>
            <source>%1 was not opened. %2</source>
            <translation>%1 wurde nicht geöffnet. %2</translation>
        </message>
        <message>
            <source>Diagnostics (*.json *.txt);;All files (*)</source>
            <translation>Diagnosedaten (*.json *.txt);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>%1 is connected.</source>
            <translation>%1 ist verbunden.</translation>
        </message>
        <message>
            <source>The connection</source>
            <translation>Die Verbindung</translation>
        </message>
        <message>
            <source>%1 works again.</source>
            <translation>%1 funktioniert wieder.</translation>
        </message>
        <message>
            <source>Bank connections</source>
            <translation>Bankverbindungen</translation>
        </message>
        <message>
            <source>Weft now sees the accounts you chose at %1.</source>
            <translation>Weft sieht jetzt die Konten, die Sie bei %1 gewählt haben.</translation>
        </message>
    </context>
    <context>
        <name>PendingExchangeBanner</name>
        <message>
            <source>Unfinished bank connection</source>
            <translation>Nicht abgeschlossene Bankverbindung</translation>
        </message>
        <message>
            <source>Link again</source>
            <translation>Erneut verknüpfen</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>a bank</source>
            <translation>eine Bank</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>Weft stopped while it was finishing the connection to %1. The connection may exist at Plaid without Weft knowing it. To use it here, link the bank again.</source>
            <translation>
                <numerusform>Weft wurde beendet, während es die Verbindung zu %1 fertigstellte. Die Verbindung besteht vielleicht bei Plaid, ohne dass Weft davon weiß. Um sie hier zu nutzen, verknüpfen Sie die Bank erneut.</numerusform>
                <numerusform>Weft wurde beendet, während es die Verbindungen zu %1 fertigstellte. Die Verbindungen bestehen vielleicht bei Plaid, ohne dass Weft davon weiß. Um sie hier zu nutzen, verknüpfen Sie die Banken erneut.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PopupWindow</name>
        <message>
            <source>Sign in to your bank</source>
            <translation>Bei Ihrer Bank anmelden</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>The Items index could not be read: %1</source>
            <translation>Der Index der Items konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>The Items index was damaged (%1). It was kept as %2; Weft starts with an empty list.</source>
            <translation>Der Index der Items war beschädigt (%1). Er wurde als %2 aufbewahrt; Weft beginnt mit einer leeren Liste.</translation>
        </message>
        <message>
            <source>No Plaid secret is saved for %1: enter it in the settings.</source>
            <translation>Für %1 ist kein Plaid-Secret gespeichert: Geben Sie es in den Einstellungen ein.</translation>
        </message>
        <message>
            <source>The Plaid secret could not be read: %1</source>
            <translation>Das Plaid-Secret konnte nicht gelesen werden: %1</translation>
        </message>
        <message>
            <source>The embedded Plaid Sandbox could not start: %1</source>
            <translation>Die eingebaute Plaid-Sandbox konnte nicht starten: %1</translation>
        </message>
        <message>
            <source>The Link host page server could not start: %1</source>
            <translation>Der Server für die Link-Hostseite konnte nicht starten: %1</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>%1 unter %2</translation>
        </message>
    </context>
    <context>
        <name>RefreshBar</name>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Refresh progress</source>
            <translation>Fortschritt der Aktualisierung</translation>
        </message>
        <message>
            <source>Refreshing</source>
            <translation>Wird aktualisiert</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message numerus="yes">
            <source>%n connection(s) refreshed</source>
            <translation>
                <numerusform>%n Verbindung aktualisiert</numerusform>
                <numerusform>%n Verbindungen aktualisiert</numerusform>
            </translation>
        </message>
        <message>
            <source>Refresh canceled: %1</source>
            <translation>Aktualisierung abgebrochen: %1</translation>
        </message>
        <message numerus="yes">
            <source>; %n could not be refreshed (see their status)</source>
            <translation>
                <numerusform>; %n konnte nicht aktualisiert werden (siehe Status)</numerusform>
                <numerusform>; %n konnten nicht aktualisiert werden (siehe Status)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>The access token is missing from the keychain.</source>
            <translation>Das Zugriffstoken fehlt im Schlüsselbund.</translation>
        </message>
        <message>
            <source>Your provider&apos;s server did not sign Weft in: %1</source>
            <translation>Der Server Ihres Anbieters hat Weft nicht angemeldet: %1</translation>
        </message>
        <message>
            <source>Your provider&apos;s server at %1 could not be reached: %2</source>
            <translation>Der Server Ihres Anbieters unter %1 war nicht erreichbar: %2</translation>
        </message>
        <message>
            <source>The Link host page server could not start: %1</source>
            <translation>Der Server für die Link-Hostseite konnte nicht starten: %1</translation>
        </message>
        <message>
            <source>Your provider&apos;s server names a Link script Weft does not load (%1): only Plaid&apos;s own, or a sandbox on this computer.</source>
            <translation>Der Server Ihres Anbieters nennt ein Link-Skript, das Weft nicht lädt (%1): nur das von Plaid selbst oder eine Sandbox auf diesem Computer.</translation>
        </message>
        <message>
            <source>Your connections could not be brought up to date from your provider&apos;s server: %1</source>
            <translation>Ihre Verbindungen konnten nicht vom Server Ihres Anbieters aktualisiert werden: %1</translation>
        </message>
    </context>
    <context>
        <name>SessionManager</name>
        <message>
            <source>The Plaid secret was not saved: %1</source>
            <translation>Das Plaid-Secret wurde nicht gespeichert: %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Weft settings</source>
            <translation>Einstellungen von Weft</translation>
        </message>
        <message>
            <source>Backend</source>
            <translation>Backend</translation>
        </message>
        <message>
            <source>&amp;Mode</source>
            <translation>&amp;Modus</translation>
        </message>
        <message>
            <source>&amp;client_id</source>
            <translation>&amp;client_id</translation>
        </message>
        <message>
            <source>&amp;Secret</source>
            <translation>&amp;Secret</translation>
        </message>
        <message>
            <source>Leave empty to keep the saved secret</source>
            <translation>Leer lassen, um das gespeicherte Secret zu behalten</translation>
        </message>
        <message>
            <source>The secret is kept in the system keychain, never in the settings file. Leave the field empty to keep the saved secret.</source>
            <translation>Das Secret wird im Schlüsselbund des Systems aufbewahrt, nie in der Einstellungsdatei. Lassen Sie das Feld leer, um das gespeicherte Secret zu behalten.</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Client &amp;name</source>
            <translation>Client-&amp;Name</translation>
        </message>
        <message>
            <source>&amp;Products</source>
            <translation>&amp;Produkte</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Produkte</translation>
        </message>
        <message>
            <source>&amp;Countries</source>
            <translation>&amp;Länder</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Länder</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>&amp;Webhook</source>
            <translation>&amp;Webhook</translation>
        </message>
        <message>
            <source>https://… (optional)</source>
            <translation>https://… (optional)</translation>
        </message>
        <message>
            <source>OAuth &amp;redirect_uri</source>
            <translation>OAuth-&amp;redirect_uri</translation>
        </message>
        <message>
            <source>weft://oauth or https://… (optional)</source>
            <translation>weft://oauth oder https://… (optional)</translation>
        </message>
        <message>
            <source>With an address here, banks' sign-in pages open in your web browser and come back to Weft through it. Empty: they open in a Weft window.</source>
            <translation>Mit einer Adresse hier öffnen sich die Anmeldeseiten der Banken in Ihrem Webbrowser und kehren darüber zu Weft zurück. Leer: Sie öffnen sich in einem Fenster von Weft.</translation>
        </message>
        <message>
            <source>client_user_id</source>
            <translation>client_user_id</translation>
        </message>
        <message>
            <source>A random id Weft made once for Link; never personal data.</source>
            <translation>Eine zufällige ID, die Weft einmal für Link erzeugt hat; nie persönliche Daten.</translation>
        </message>
        <message>
            <source>&amp;Open Link in</source>
            <translation>Link ö&amp;ffnen in</translation>
        </message>
        <message>
            <source>Your web browser works for banks and checks that Weft's window cannot show. Weft waits while you finish there.</source>
            <translation>Ihr Webbrowser eignet sich für Banken und Prüfungen, die das Fenster von Weft nicht anzeigen kann. Weft wartet, während Sie dort abschließen.</translation>
        </message>
        <message>
            <source>Same as the system (%1)</source>
            <translation>Wie das System (%1)</translation>
        </message>
        <message>
            <source>This window</source>
            <translation>Dieses Fenster</translation>
        </message>
        <message>
            <source>Your web browser</source>
            <translation>Ihr Webbrowser</translation>
        </message>
        <message>
            <source>Plaid's API with Sandbox rules, inside Weft: no network and no keys needed.</source>
            <translation>Plaids API mit Sandbox-Regeln, in Weft eingebaut: kein Netzwerk und keine Schlüssel nötig.</translation>
        </message>
        <message>
            <source>Plaid's Sandbox at sandbox.plaid.com with your own keys.</source>
            <translation>Plaids Sandbox unter sandbox.plaid.com mit Ihren eigenen Schlüsseln.</translation>
        </message>
        <message>
            <source>Plaid's Production at production.plaid.com with your own keys: real banks and real data.</source>
            <translation>Plaids Produktion unter production.plaid.com mit Ihren eigenen Schlüsseln: echte Banken und echte Daten.</translation>
        </message>
        <message>
            <source>Plaid Production</source>
            <translation>Plaid Produktion</translation>
        </message>
        <message>
            <source>Plaid expects the API secret to live on a server, not on the desktop. Weft's direct Production mode is meant for people using their own Plaid keys for their own accounts: the secret is kept in this computer's keychain, and anyone who can use this account can use it.</source>
            <translation>Plaid erwartet, dass das API-Secret auf einem Server liegt, nicht auf dem Desktop. Der direkte Produktionsmodus von Weft ist für Menschen gedacht, die ihre eigenen Plaid-Schlüssel für ihre eigenen Konten nutzen: Das Secret liegt im Schlüsselbund dieses Computers, und jeder, der dieses Benutzerkonto verwenden kann, kann es nutzen.</translation>
        </message>
        <message>
            <source>Ser&amp;ver address</source>
            <translation>Ser&amp;veradresse</translation>
        </message>
        <message>
            <source>https://weft.example.com</source>
            <translation>https://weft.example.com</translation>
        </message>
        <message>
            <source>Enrolment c&amp;ode</source>
            <translation>&amp;Zugangscode</translation>
        </message>
        <message>
            <source>Leave empty to stay signed in</source>
            <translation>Leer lassen, um angemeldet zu bleiben</translation>
        </message>
        <message>
            <source>Your provider gives you the address and a one-time enrolment code. Weft keeps only its sign-in in the system keychain; your bank connections&apos; keys stay on the server.</source>
            <translation>Ihr Anbieter gibt Ihnen die Adresse und einen einmaligen Zugangscode. Weft bewahrt nur seine Anmeldung im Schlüsselbund des Systems auf; die Schlüssel Ihrer Bankverbindungen bleiben auf dem Server.</translation>
        </message>
        <message>
            <source>The server of the company that gave you Weft: it keeps the keys to your bank connections, and tells Weft when one needs you.</source>
            <translation>Der Server des Unternehmens, von dem Sie Weft haben: Er verwahrt die Schlüssel Ihrer Bankverbindungen und sagt Weft, wenn eine Sie braucht.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Every action is also in the menus: press Alt and the underlined letter, or F10 to reach the menu bar.</source>
            <translation>Jede Aktion steht auch in den Menüs: Drücken Sie Alt und den unterstrichenen Buchstaben oder F10, um zur Menüleiste zu gelangen.</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menü</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Tasten</translation>
        </message>
        <message>
            <source> or </source>
            <translation> oder </translation>
        </message>
    </context>
    <context>
        <name>weft::AppSettings</name>
        <message>
            <source>Embedded Plaid Sandbox</source>
            <translation>Eingebaute Plaid-Sandbox</translation>
        </message>
        <message>
            <source>Plaid Sandbox</source>
            <translation>Plaid-Sandbox</translation>
        </message>
        <message>
            <source>Plaid Production</source>
            <translation>Plaid Produktion</translation>
        </message>
        <message>
            <source>A Plaid client_id is needed for %1.</source>
            <translation>Für %1 wird eine Plaid-client_id benötigt.</translation>
        </message>
        <message>
            <source>The client name must have 1 to 30 characters.</source>
            <translation>Der Client-Name muss 1 bis 30 Zeichen haben.</translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Wählen Sie mindestens ein Produkt.</translation>
        </message>
        <message>
            <source>Choose at least one country.</source>
            <translation>Wählen Sie mindestens ein Land.</translation>
        </message>
        <message>
            <source>Link does not support the language "%1".</source>
            <translation>Link unterstützt die Sprache „%1“ nicht.</translation>
        </message>
        <message>
            <source>The webhook must be an http or https address.</source>
            <translation>Der Webhook muss eine http- oder https-Adresse sein.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI must be an https address.</source>
            <translation>Die OAuth-Redirect-URI muss eine https-Adresse sein.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI must be an https or weft:// address.</source>
            <translation>Die OAuth-Redirect-URI muss eine https- oder weft://-Adresse sein.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI may not have a query (?...).</source>
            <translation>Die OAuth-Redirect-URI darf keine Abfrage (?...) enthalten.</translation>
        </message>
        <message>
            <source>Your provider&apos;s server</source>
            <translation>Server Ihres Anbieters</translation>
        </message>
        <message>
            <source>Enter your provider&apos;s server address, such as https://weft.example.com.</source>
            <translation>Geben Sie die Serveradresse Ihres Anbieters ein, etwa https://weft.example.com.</translation>
        </message>
        <message>
            <source>The server&apos;s address is only its https:// address, without a name, password or query.</source>
            <translation>Die Adresse des Servers ist nur seine https://-Adresse, ohne Namen, Passwort oder Abfrage.</translation>
        </message>
        <message>
            <source>The server&apos;s address must start with https:// (plain http is only for a server on this computer).</source>
            <translation>Die Adresse des Servers muss mit https:// beginnen (einfaches http nur für einen Server auf diesem Computer).</translation>
        </message>
    </context>
    <context>
        <name>weft::main</name>
        <message>
            <source>Connect bank accounts with Plaid Link.

  weft items [--json] [--refresh]   list the Items (see weft items --help)
  weft item ITEM_ID [--json]        one Item in full</source>
            <translation>Bankkonten mit Plaid Link verbinden.

  weft items [--json] [--refresh]   die Items auflisten (siehe weft items --help)
  weft item ITEM_ID [--json]        ein Item vollständig</translation>
        </message>
        <message>
            <source>Use the embedded Plaid Sandbox (the default: no network, no keys).</source>
            <translation>Die eingebaute Plaid-Sandbox verwenden (die Voreinstellung: kein Netzwerk, keine Schlüssel).</translation>
        </message>
        <message>
            <source>Open Link as soon as it is ready.</source>
            <translation>Link öffnen, sobald es bereit ist.</translation>
        </message>
        <message>
            <source>Sandbox mode only: allow Chromium's remote debugging of the Link view on 127.0.0.1:PORT.</source>
            <translation>Nur im Sandbox-Modus: Chromiums Remote-Debugging der Link-Ansicht auf 127.0.0.1:PORT erlauben.</translation>
        </message>
        <message>
            <source>For weft-bench: print start-up and Link milestones on standard output and take its commands on standard input.</source>
            <translation>Für weft-bench: Meilensteine von Start und Link auf der Standardausgabe ausgeben und Befehle von der Standardeingabe annehmen.</translation>
        </message>
        <message>
            <source>A weft:// address the system opens Weft with when a bank's sign-in returns (OAuth by redirect).</source>
            <translation>Eine weft://-Adresse, mit der das System Weft öffnet, wenn die Anmeldung bei einer Bank zurückkehrt (OAuth per Weiterleitung).</translation>
        </message>
        <message>
            <source>[address]</source>
            <translation>[Adresse]</translation>
        </message>
        <message>
            <source>Use your provider&apos;s weft-server at URL (saved in the settings). With an enrolment code in the environment variable WEFT_ENROLMENT_CODE, enrol with it first.</source>
            <translation>Den weft-server Ihres Anbieters unter URL verwenden (in den Einstellungen gespeichert). Mit einem Zugangscode in der Umgebungsvariablen WEFT_ENROLMENT_CODE zuerst damit anmelden.</translation>
        </message>
    </context>
    <context>
        <name>weft::ui::Dismissible</name>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Dismiss this message</source>
            <translation>Diese Meldung schließen</translation>
        </message>
    </context>
    <context>
        <name>weft::vault</name>
        <message>
            <source>Saved in the keychain.</source>
            <translation>Im Schlüsselbund gespeichert.</translation>
        </message>
        <message>
            <source>The keychain has no such entry.</source>
            <translation>Der Schlüsselbund hat keinen solchen Eintrag.</translation>
        </message>
        <message>
            <source>No keychain is available. Start your desktop's keyring (Secret Service or KWallet) and try again.</source>
            <translation>Kein Schlüsselbund verfügbar. Starten Sie den Schlüsselbund Ihres Desktops (Secret Service oder KWallet) und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Weft cannot reach the keychain: the libsecret library (libsecret-1.so.0) is not installed. Install the package libsecret-1-0 (Debian, Ubuntu) or libsecret (Fedora, openSUSE) and try again.</source>
            <translation>Weft erreicht den Schlüsselbund nicht: Die Bibliothek libsecret (libsecret-1.so.0) ist nicht installiert. Installieren Sie das Paket libsecret-1-0 (Debian, Ubuntu) oder libsecret (Fedora, openSUSE) und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The keychain refused access. Unlock it and try again.</source>
            <translation>Der Schlüsselbund hat den Zugriff verweigert. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>Access to the keychain was denied. Allow Weft to use it and try again.</source>
            <translation>Der Zugriff auf den Schlüsselbund wurde verweigert. Erlauben Sie Weft die Nutzung und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The keychain reported success but did not keep the value.</source>
            <translation>Der Schlüsselbund hat Erfolg gemeldet, den Wert aber nicht behalten.</translation>
        </message>
        <message>
            <source>The keychain did not answer. It may be locked and waiting for its password, or not running. Unlock or restart it and try again.</source>
            <translation>Der Schlüsselbund hat nicht geantwortet. Er ist vielleicht gesperrt und wartet auf sein Passwort, oder er läuft nicht. Entsperren oder starten Sie ihn neu und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <source>The keychain failed.</source>
            <translation>Der Schlüsselbund hat versagt.</translation>
        </message>
    </context>
    <context>
        <name>ServerCredential</name>
        <message>
            <source>The server did not accept the enrolment code: %1</source>
            <translation>Der Server hat den Zugangscode nicht angenommen: %1</translation>
        </message>
        <message>
            <source>The server could not be reached: %1</source>
            <translation>Der Server war nicht erreichbar: %1</translation>
        </message>
        <message>
            <source>The server&apos;s sign-in answer is incomplete (no tokens or expiry).</source>
            <translation>Die Anmeldeantwort des Servers ist unvollständig (keine Token oder kein Ablauf).</translation>
        </message>
        <message>
            <source>The sign-in could not be saved to the keychain: %1</source>
            <translation>Die Anmeldung konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
        </message>
        <message>
            <source>This computer is not enrolled with the server: enter an enrolment code in the settings.</source>
            <translation>Dieser Computer ist beim Server nicht angemeldet: Geben Sie in den Einstellungen einen Zugangscode ein.</translation>
        </message>
        <message>
            <source>The server sign-in could not be read from the keychain: %1</source>
            <translation>Die Anmeldung beim Server konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
        </message>
        <message>
            <source>The server ended this computer&apos;s sign-in (%1). Enter a new enrolment code in the settings.</source>
            <translation>Der Server hat die Anmeldung dieses Computers beendet (%1). Geben Sie in den Einstellungen einen neuen Zugangscode ein.</translation>
        </message>
    </context>
    <context>
        <name>ServerItems</name>
        <message>
            <source>The server no longer has this Item.</source>
            <translation>Der Server hat dieses Item nicht mehr.</translation>
        </message>
        <message>
            <source>A support account cannot remove someone&apos;s connection.</source>
            <translation>Ein Support-Konto kann die Verbindung einer anderen Person nicht entfernen.</translation>
        </message>
    </context>
    <context>
        <name>weft::remote::ServerLinkBackend</name>
        <message>
            <source>Link in the browser is not available with your provider&apos;s server; Link opens in Weft&apos;s window.</source>
            <translation>Link im Browser ist mit dem Server Ihres Anbieters nicht verfügbar; Link öffnet sich im Fenster von Weft.</translation>
        </message>
    </context>
</TS>
