<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Weft</source>
            <translation>À propos de Weft</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Weft %1&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;Weft %1&lt;/h2&gt;</translation>
        </message>
        <message>
            <source>Weft connects your bank accounts with Plaid Link. Your bank password goes only to your bank, never to Weft. The key Plaid gives Weft for each connection is kept in your system's keychain, not in a file.</source>
            <translation>Weft relie vos comptes bancaires avec Plaid Link. Votre mot de passe bancaire ne va qu'à votre banque, jamais à Weft. La clé que Plaid donne à Weft pour chaque connexion est gardée dans le trousseau de votre système, pas dans un fichier.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>Weft contains Qt and Qt WebEngine (GNU LGPL version 3), Chromium (its own licences, BSD-style and others) and QtKeychain (BSD 3-clause). Their licence texts come with Weft.</source>
            <translation>Weft contient Qt et Qt WebEngine (GNU LGPL version 3), Chromium (ses propres licences, de type BSD et autres) et QtKeychain (BSD à 3 clauses). Leurs textes de licence sont fournis avec Weft.</translation>
        </message>
        <message>
            <source>&amp;Copy versions</source>
            <translation>&amp;Copier les versions</translation>
        </message>
        <message>
            <source>Show &amp;licences</source>
            <translation>Afficher les &amp;licences</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>À propos de &amp;Qt</translation>
        </message>
        <message>
            <source>Weft %1 · Qt %2 · Chromium %3 (security fixes to %4)</source>
            <translation>Weft %1 · Qt %2 · Chromium %3 (correctifs de sécurité jusqu'au %4)</translation>
        </message>
    </context>
    <context>
        <name>AttentionBanner</name>
        <message>
            <source>A bank connection needs you</source>
            <translation>Une connexion bancaire a besoin de vous</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Plus tard</translation>
        </message>
        <message>
            <source>Hide this until another connection needs you</source>
            <translation>Masquer jusqu'à ce qu'une autre connexion ait besoin de vous</translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1 : %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n other connection(s) need you too.</source>
            <translation>
                <numerusform>%n autre connexion a aussi besoin de vous.</numerusform>
                <numerusform>%n autres connexions ont aussi besoin de vous.</numerusform>
            </translation>
        </message>
        <message>
            <source>Opens Link to repair the connection</source>
            <translation>Ouvre Link pour réparer la connexion</translation>
        </message>
        <message>
            <source>Link is not part of this session: change the settings</source>
            <translation>Link ne fait pas partie de cette session : modifiez les paramètres</translation>
        </message>
    </context>
    <context>
        <name>AttentionNotifier</name>
        <message>
            <source>%1 needs you</source>
            <translation>%1 a besoin de vous</translation>
        </message>
        <message>
            <source>%1. %2 in Weft.</source>
            <translation>%1. %2 dans Weft.</translation>
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
            <translation>Cette adresse n'est pas utilisée.</translation>
        </message>
        <message>
            <source>Back to Weft</source>
            <translation>Retour à Weft</translation>
        </message>
        <message>
            <source>You can close this page and go back to Weft.</source>
            <translation>Vous pouvez fermer cette page et revenir à Weft.</translation>
        </message>
    </context>
    <context>
        <name>CopyableTable</name>
        <message>
            <source>Copy</source>
            <translation>Copier</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>Tout sélectionner</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsViewer</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnostic</translation>
        </message>
        <message>
            <source>Where the diagnostics come from</source>
            <translation>Provenance du diagnostic</translation>
        </message>
        <message>
            <source>The file is larger than diagnostics ever are (%1 bytes).</source>
            <translation>Le fichier est plus gros que ne l'est jamais un diagnostic (%1 octets).</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: %1 at byte %2.</source>
            <translation>Le fichier n'est pas un diagnostic de Weft : %1 à l'octet %2.</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: no JSON object in it.</source>
            <translation>Le fichier n'est pas un diagnostic de Weft : il ne contient aucun objet JSON.</translation>
        </message>
        <message>
            <source>The file is not diagnostics from Weft: %1.</source>
            <translation>Le fichier n'est pas un diagnostic de Weft : %1.</translation>
        </message>
        <message>
            <source>Sent without versions (an older Weft).</source>
            <translation>Envoyé sans versions (un Weft plus ancien).</translation>
        </message>
        <message>
            <source>Sent from: %1</source>
            <translation>Envoyé depuis : %1</translation>
        </message>
    </context>
    <context>
        <name>HostedLinkController</name>
        <message>
            <source>Could not prepare Link for your browser</source>
            <translation>Impossible de préparer Link pour votre navigateur</translation>
        </message>
        <message>
            <source>Plaid did not give an address for Link in your browser (Hosted Link may not be enabled for this account).</source>
            <translation>Plaid n'a pas donné d'adresse pour Link dans votre navigateur (Hosted Link n'est peut-être pas activé pour ce compte).</translation>
        </message>
        <message>
            <source>Plaid gave an address for Link that is not secure (not https), so Weft did not open it.</source>
            <translation>Plaid a donné pour Link une adresse non sécurisée (pas https) : Weft ne l'a pas ouverte.</translation>
        </message>
        <message>
            <source>The Link page in your browser expired before it was finished. Nothing was connected; you can start again.</source>
            <translation>La page Link de votre navigateur a expiré avant la fin. Rien n'a été connecté ; vous pouvez recommencer.</translation>
        </message>
        <message>
            <source>Weft could not learn how Link ended in your browser</source>
            <translation>Weft n'a pas pu savoir comment Link s'est terminé dans votre navigateur</translation>
        </message>
        <message>
            <source>Plaid's answer about the Link session could not be read: %1</source>
            <translation>La réponse de Plaid sur la session Link est illisible : %1</translation>
        </message>
        <message>
            <source>Link was closed in your browser. No bank account was connected.</source>
            <translation>Link a été fermé dans votre navigateur. Aucun compte bancaire n'a été connecté.</translation>
        </message>
        <message>
            <source>The bank was linked, but the connection could not be completed</source>
            <translation>La banque a été reliée, mais la connexion n'a pas pu être terminée</translation>
        </message>
    </context>
    <context>
        <name>HostedLinkPane</name>
        <message>
            <source>&amp;Open the page again</source>
            <translation>&amp;Ouvrir la page à nouveau</translation>
        </message>
        <message>
            <source>Cop&amp;y the address</source>
            <translation>Cop&amp;ier l'adresse</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>Link in your web browser</source>
            <translation>Link dans votre navigateur web</translation>
        </message>
        <message>
            <source>Copy the page's address, to open it in a browser yourself</source>
            <translation>Copier l'adresse de la page, pour l'ouvrir vous-même dans un navigateur</translation>
        </message>
        <message>
            <source>Stop waiting for the page in your browser</source>
            <translation>Ne plus attendre la page dans votre navigateur</translation>
        </message>
        <message>
            <source>Preparing Link for your web browser…</source>
            <translation>Préparation de Link pour votre navigateur web…</translation>
        </message>
        <message>
            <source>Finish connecting your bank in your web browser. Weft waits here and completes the connection when you are done.</source>
            <translation>Terminez la connexion de votre banque dans votre navigateur web. Weft attend ici et termine la connexion quand vous avez fini.</translation>
        </message>
        <message>
            <source>Weft could not open your web browser. Copy the address and open it in your browser; Weft waits here.</source>
            <translation>Weft n'a pas pu ouvrir votre navigateur web. Copiez l'adresse et ouvrez-la dans votre navigateur ; Weft attend ici.</translation>
        </message>
        <message>
            <source>Completing the connection…</source>
            <translation>Finalisation de la connexion…</translation>
        </message>
    </context>
    <context>
        <name>ItemDetailsView</name>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Official name</source>
            <translation>Nom officiel</translation>
        </message>
        <message>
            <source>Mask</source>
            <translation>Masque</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <source>Current</source>
            <translation>Actuel</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Plafond</translation>
        </message>
        <message>
            <source>account_id</source>
            <translation>account_id</translation>
        </message>
        <message>
            <source>Time (UTC)</source>
            <translation>Heure (UTC)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Événement</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Vue</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>Bank logo</source>
            <translation>Logo de la banque</translation>
        </message>
        <message>
            <source>Connection details</source>
            <translation>Détails de la connexion</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Comptes</translation>
        </message>
        <message>
            <source>Link events</source>
            <translation>Événements Link</translation>
        </message>
        <message>
            <source>item_id</source>
            <translation>item_id</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Environnement</translation>
        </message>
        <message>
            <source>institution_id</source>
            <translation>institution_id</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Couleur</translation>
        </message>
        <message>
            <source>Linked (UTC)</source>
            <translation>Reliée le (UTC)</translation>
        </message>
        <message>
            <source>Last refresh (UTC)</source>
            <translation>Dernière actualisation (UTC)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
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
            <translation>Problème d'actualisation</translation>
        </message>
        <message>
            <source>Access token</source>
            <translation>Jeton d'accès</translation>
        </message>
        <message>
            <source>Products available</source>
            <translation>Produits disponibles</translation>
        </message>
        <message>
            <source>Products billed</source>
            <translation>Produits facturés</translation>
        </message>
        <message>
            <source>Consent expires (UTC)</source>
            <translation>Le consentement expire (UTC)</translation>
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
            <translation>Le plus récent d'abord</translation>
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
            <translation>Sélectionnez un Item pour voir ses détails.</translation>
        </message>
        <message>
            <source>%1 — %2 (another environment: %3)</source>
            <translation>%1 — %2 (autre environnement : %3)</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>Accounts (%1)</source>
            <translation>Comptes (%1)</translation>
        </message>
        <message>
            <source>Link events (%1)</source>
            <translation>Événements Link (%1)</translation>
        </message>
        <message>
            <source>Webhook</source>
            <translation>Webhook</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <source>User (provider&apos;s server)</source>
            <translation>Utilisateur (serveur du fournisseur)</translation>
        </message>
    </context>
    <context>
        <name>ItemRefreshJob</name>
        <message>
            <source>no such Item</source>
            <translation>Item inconnu</translation>
        </message>
        <message>
            <source>belongs to the %1 environment; switch to it to refresh</source>
            <translation>appartient à l'environnement %1 ; passez-y pour l'actualiser</translation>
        </message>
        <message>
            <source>the access token is missing from the keychain</source>
            <translation>le jeton d'accès manque dans le trousseau</translation>
        </message>
        <message>
            <source>removed while refreshing</source>
            <translation>supprimé pendant l'actualisation</translation>
        </message>
    </context>
    <context>
        <name>ItemRemoval</name>
        <message>
            <source>keychain</source>
            <translation>trousseau</translation>
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
            <translation>Non enregistré : %1</translation>
        </message>
        <message>
            <source>saving…</source>
            <translation>enregistrement…</translation>
        </message>
        <message>
            <source>The access token is missing from the keychain. Link this bank again, or remove the Item.</source>
            <translation>Le jeton d'accès manque dans le trousseau. Reliez à nouveau cette banque ou supprimez l'Item.</translation>
        </message>
        <message>
            <source>The access token was lost: Weft stopped (%1) before the keychain could save it. Link this bank again to use it in Weft; the old connection can no longer be used or removed from here.</source>
            <translation>Le jeton d'accès a été perdu : Weft s'est arrêté (%1) avant que le trousseau ne l'enregistre. Reliez à nouveau cette banque pour l'utiliser dans Weft ; l'ancienne connexion ne peut plus être utilisée ni supprimée d'ici.</translation>
        </message>
        <message>
            <source>Your bank</source>
            <translation>Votre banque</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Connectée</translation>
        </message>
        <message>
            <source>Sign-in needed</source>
            <translation>Connexion à refaire</translation>
        </message>
        <message>
            <source>Access ends soon</source>
            <translation>L'accès prend bientôt fin</translation>
        </message>
        <message>
            <source>Disconnects soon</source>
            <translation>Bientôt déconnectée</translation>
        </message>
        <message>
            <source>New accounts found</source>
            <translation>Nouveaux comptes trouvés</translation>
        </message>
        <message>
            <source>Bank not answering</source>
            <translation>La banque ne répond pas</translation>
        </message>
        <message>
            <source>Bank no longer supported</source>
            <translation>Banque plus prise en charge</translation>
        </message>
        <message>
            <source>Locked at the bank</source>
            <translation>Bloquée par la banque</translation>
        </message>
        <message>
            <source>Access withdrawn</source>
            <translation>Accès retiré</translation>
        </message>
        <message>
            <source>Not working</source>
            <translation>Ne fonctionne pas</translation>
        </message>
        <message>
            <source>Choose accounts to share from %1</source>
            <translation>Choisir les comptes à partager de %1</translation>
        </message>
        <message>
            <source>Sign in to %1 again</source>
            <translation>Se reconnecter à %1</translation>
        </message>
        <message>
            <source>Kept for the %1 environment (not the current one)</source>
            <translation>Conservé pour l'environnement %1 (pas l'actuel)</translation>
        </message>
        <message>
            <source>Saved in the keychain</source>
            <translation>Enregistré dans le trousseau</translation>
        </message>
        <message>
            <source>only Items of a sandbox environment can be reset</source>
            <translation>seuls les Items d'un environnement sandbox peuvent être réinitialisés</translation>
        </message>
        <message>
            <source>Your provider&apos;s server holds this Item&apos;s access token.</source>
            <translation>Le serveur de votre fournisseur conserve le jeton d&apos;accès de cet Item.</translation>
        </message>
        <message>
            <source>server</source>
            <translation>serveur</translation>
        </message>
        <message>
            <source>Kept by your provider&apos;s server</source>
            <translation>Conservé par le serveur de votre fournisseur</translation>
        </message>
    </context>
    <context>
        <name>ItemsFilterModel</name>
        <message>
            <source>Belongs to the %1 environment: switch the backend in the settings to act on it.</source>
            <translation>Appartient à l'environnement %1 : changez le backend dans les paramètres pour agir dessus.</translation>
        </message>
    </context>
    <context>
        <name>ItemsModel</name>
        <message>
            <source>No accounts yet</source>
            <translation>Pas encore de comptes</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1. %2</translation>
        </message>
        <message>
            <source>Other environment</source>
            <translation>Autre environnement</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Enregistré</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Manquant</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Non enregistré</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Token</source>
            <translation>Jeton</translation>
        </message>
        <message>
            <source>Environment</source>
            <translation>Environnement</translation>
        </message>
        <message>
            <source>Last refresh</source>
            <translation>Dernière actualisation</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Comptes</translation>
        </message>
    </context>
    <context>
        <name>ItemsPanel</name>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Supprimer</translation>
        </message>
        <message>
            <source>Bank connections</source>
            <translation>Connexions bancaires</translation>
        </message>
        <message>
            <source>Filter bank connections</source>
            <translation>Filtrer les connexions bancaires</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>Ask Plaid for the selected Items' status and accounts</source>
            <translation>Demander à Plaid le statut et les comptes des Items sélectionnés</translation>
        </message>
        <message>
            <source>Refresh &amp;all</source>
            <translation>Actualiser &amp;tout</translation>
        </message>
        <message>
            <source>Refresh every Item of the current environment</source>
            <translation>Actualiser tous les Items de l'environnement actuel</translation>
        </message>
        <message>
            <source>&amp;Fix connection…</source>
            <translation>&amp;Réparer la connexion…</translation>
        </message>
        <message>
            <source>Open Link in update mode to repair the connection</source>
            <translation>Ouvrir Link en mode mise à jour pour réparer la connexion</translation>
        </message>
        <message>
            <source>Retry &amp;saving</source>
            <translation>Réessayer l'&amp;enregistrement</translation>
        </message>
        <message>
            <source>Save the access token to the keychain again</source>
            <translation>Enregistrer à nouveau le jeton d'accès dans le trousseau</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>Supp&amp;rimer…</translation>
        </message>
        <message>
            <source>Remove the Item at Plaid, from the keychain and from Weft</source>
            <translation>Supprimer l'Item chez Plaid, du trousseau et de Weft</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostics</source>
            <translation>Copier le &amp;diagnostic</translation>
        </message>
        <message>
            <source>Copy the Item's ids, statuses and events as JSON (no token)</source>
            <translation>Copier les identifiants, statuts et événements de l'Item en JSON (sans jeton)</translation>
        </message>
        <message>
            <source>Copy &amp;item_id</source>
            <translation>Copier l'&amp;item_id</translation>
        </message>
        <message>
            <source>Copy the Item's item_id</source>
            <translation>Copier l'item_id de l'Item</translation>
        </message>
        <message>
            <source>Simulate &amp;login required (sandbox)</source>
            <translation>Simuler une re&amp;connexion requise (sandbox)</translation>
        </message>
        <message>
            <source>Sandbox only: make Plaid's sandbox ask for the login again (/sandbox/item/reset_login), to try Fix connection</source>
            <translation>Sandbox uniquement : faire redemander la connexion par la sandbox de Plaid (/sandbox/item/reset_login), pour essayer « Réparer la connexion »</translation>
        </message>
        <message>
            <source>Fi&amp;nd…</source>
            <translation>Re&amp;chercher…</translation>
        </message>
        <message>
            <source>Filter the list by bank, item_id or status</source>
            <translation>Filtrer la liste par banque, item_id ou statut</translation>
        </message>
        <message>
            <source>The connection to %1 is not saved in the keychain: %2</source>
            <translation>La connexion à %1 n'est pas enregistrée dans le trousseau : %2</translation>
        </message>
        <message>
            <source>%1 was removed.</source>
            <translation>%1 a été supprimée.</translation>
        </message>
        <message>
            <source>The connection</source>
            <translation>La connexion</translation>
        </message>
        <message>
            <source>%1 was not removed: the %2 step failed. %3 It is still listed; you can try again.</source>
            <translation>%1 n'a pas été supprimée : l'étape « %2 » a échoué. %3 Elle reste dans la liste ; vous pouvez réessayer.</translation>
        </message>
        <message>
            <source>The sandbox now asks for the login of %1 again; refreshing it.</source>
            <translation>La sandbox redemande maintenant la connexion à %1 ; actualisation en cours.</translation>
        </message>
        <message>
            <source>The login of %1 could not be reset: %2</source>
            <translation>La connexion à %1 n'a pas pu être réinitialisée : %2</translation>
        </message>
        <message>
            <source>The Item</source>
            <translation>L'Item</translation>
        </message>
        <message>
            <source>Saved in the keychain (as far as the index knows)</source>
            <translation>Enregistré dans le trousseau (d'après l'index)</translation>
        </message>
        <message>
            <source>Not saved in the keychain</source>
            <translation>Non enregistré dans le trousseau</translation>
        </message>
        <message numerus="yes">
            <source>%n bank connection(s)</source>
            <translation>
                <numerusform>%n connexion bancaire</numerusform>
                <numerusform>%n connexions bancaires</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 shown</source>
            <translation>%1 sur %2 affichées</translation>
        </message>
        <message>
            <source>Select Items of the current environment to refresh them.</source>
            <translation>Sélectionnez des Items de l'environnement actuel pour les actualiser.</translation>
        </message>
        <message>
            <source>No Item belongs to the current environment (%1).</source>
            <translation>Aucun Item n'appartient à l'environnement actuel (%1).</translation>
        </message>
        <message>
            <source>Opening Link to fix %1…</source>
            <translation>Ouverture de Link pour réparer %1…</translation>
        </message>
        <message>
            <source>Saving the access token of %1 again…</source>
            <translation>Nouvel enregistrement du jeton d'accès de %1…</translation>
        </message>
        <message>
            <source>Remove %1?

Weft asks Plaid to end this connection, deletes its key from the keychain and forgets it. This cannot be undone; to use this bank again, connect it anew.</source>
            <translation>Supprimer %1 ?

Weft demande à Plaid de mettre fin à cette connexion, efface sa clé du trousseau et l'oublie. C'est irréversible ; pour utiliser à nouveau cette banque, connectez-la de nouveau.</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>Supprimer %1</translation>
        </message>
        <message>
            <source>Removing %1…</source>
            <translation>Suppression de %1…</translation>
        </message>
        <message>
            <source>The diagnostics of %1 are on the clipboard.</source>
            <translation>Le diagnostic de %1 est dans le presse-papiers.</translation>
        </message>
        <message>
            <source>Filter by bank or status</source>
            <translation>Filtrer par banque ou statut</translation>
        </message>
        <message>
            <source>&amp;Choose shared accounts…</source>
            <translation>Choisir les comptes &amp;partagés…</translation>
        </message>
        <message>
            <source>Open Link to choose which of the bank&apos;s accounts Weft may see, new ones among them</source>
            <translation>Ouvrir Link pour choisir les comptes de la banque que Weft peut voir, y compris les nouveaux</translation>
        </message>
        <message>
            <source>Opening Link to choose accounts at %1…</source>
            <translation>Ouverture de Link pour choisir les comptes chez %1…</translation>
        </message>
    </context>
    <context>
        <name>LinkController</name>
        <message>
            <source>Could not prepare a Link session</source>
            <translation>Impossible de préparer une session Link</translation>
        </message>
        <message>
            <source>The bank was linked, but the connection could not be completed</source>
            <translation>La banque a été reliée, mais la connexion n'a pas pu être terminée</translation>
        </message>
        <message>
            <source>Link's session kept expiring, so Weft stopped preparing new ones. Choose Try again when you are ready.</source>
            <translation>La session Link expirait sans cesse, Weft a donc cessé d'en préparer. Choisissez « Réessayer » quand vous serez prêt.</translation>
        </message>
        <message>
            <source>The Link session expired. A new one is being prepared; please try again.</source>
            <translation>La session Link a expiré. Une nouvelle est en préparation ; veuillez réessayer.</translation>
        </message>
        <message>
            <source>Link could not start: %1</source>
            <translation>Link n'a pas pu démarrer : %1</translation>
        </message>
    </context>
    <context>
        <name>LinkTexts</name>
        <message>
            <source>Getting a Link token…</source>
            <translation>Obtention d'un jeton Link…</translation>
        </message>
        <message>
            <source>Loading Link…</source>
            <translation>Chargement de Link…</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Prêt</translation>
        </message>
        <message>
            <source>Link is open</source>
            <translation>Link est ouvert</translation>
        </message>
        <message>
            <source>Completing the connection…</source>
            <translation>Finalisation de la connexion…</translation>
        </message>
        <message>
            <source>Link is not available</source>
            <translation>Link n'est pas disponible</translation>
        </message>
        <message>
            <source>error code %1</source>
            <translation>code d'erreur %1</translation>
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
            <translation>Jetons d'accès non enregistrés</translation>
        </message>
        <message>
            <source>The access tokens of these Items are not saved in the keychain. If Weft quits now, they are lost and the Items must be linked again.</source>
            <translation>Les jetons d'accès de ces Items ne sont pas enregistrés dans le trousseau. Si Weft quitte maintenant, ils sont perdus et les Items devront être reliés à nouveau.</translation>
        </message>
        <message>
            <source>The access tokens of these Items are not saved in the keychain. If the backend changes now, they are lost and the Items must be linked again.</source>
            <translation>Les jetons d'accès de ces Items ne sont pas enregistrés dans le trousseau. Si le backend change maintenant, ils sont perdus et les Items devront être reliés à nouveau.</translation>
        </message>
        <message>
            <source>Retry saving</source>
            <translation>Réessayer l'enregistrement</translation>
        </message>
        <message>
            <source>Quit anyway</source>
            <translation>Quitter quand même</translation>
        </message>
        <message>
            <source>Apply anyway</source>
            <translation>Appliquer quand même</translation>
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
            <translation>&lt;h2&gt;Weft&lt;/h2&gt;Reliez vos comptes bancaires avec Plaid Link.</translation>
        </message>
        <message>
            <source>&amp;Connect a bank account</source>
            <translation>&amp;Connecter un compte bancaire</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <source>Use your &amp;browser instead</source>
            <translation>Utiliser votre &amp;navigateur à la place</translation>
        </message>
        <message>
            <source>Open Link in your web browser for this attempt; Weft waits and finishes the connection</source>
            <translation>Ouvrir Link dans votre navigateur web pour cette tentative ; Weft attend et termine la connexion</translation>
        </message>
        <message>
            <source>Link events</source>
            <translation>Événements Link</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Heure</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Événement</translation>
        </message>
        <message>
            <source>View</source>
            <translation>Vue</translation>
        </message>
        <message>
            <source>Institution</source>
            <translation>Établissement</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Détails</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Item</source>
            <translation>&amp;Item</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ai&amp;de</translation>
        </message>
        <message>
            <source>Toolbar</source>
            <translation>Barre d'outils</translation>
        </message>
        <message>
            <source>&amp;Connect a bank account…</source>
            <translation>&amp;Connecter un compte bancaire…</translation>
        </message>
        <message>
            <source>Open Plaid Link to connect a bank account</source>
            <translation>Ouvrir Plaid Link pour connecter un compte bancaire</translation>
        </message>
        <message>
            <source>&amp;Support view</source>
            <translation>Vue &amp;support</translation>
        </message>
        <message>
            <source>Show what support staff ask for: ids, error codes, request ids and Link's events</source>
            <translation>Afficher ce que demande le support : identifiants, codes d'erreur, request ids et événements de Link</translation>
        </message>
        <message>
            <source>&amp;Open diagnostics…</source>
            <translation>&amp;Ouvrir un diagnostic…</translation>
        </message>
        <message>
            <source>Read a diagnostics file someone sent, in the support view</source>
            <translation>Lire, dans la vue support, un fichier de diagnostic envoyé par quelqu'un</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;About Weft</source>
            <translation>À &amp;propos de Weft</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Paramètres…</translation>
        </message>
        <message>
            <source>&amp;Refresh all</source>
            <translation>&amp;Tout actualiser</translation>
        </message>
        <message>
            <source>Refresh every Item of the current environment</source>
            <translation>Actualiser tous les Items de l'environnement actuel</translation>
        </message>
        <message>
            <source>Remove &amp;All My Data…</source>
            <translation>Supprimer &amp;toutes mes données…</translation>
        </message>
        <message>
            <source>Delete Weft's keychain entries, its list of connections, its sandbox state and its settings</source>
            <translation>Effacer les entrées de Weft dans le trousseau, sa liste de connexions, l'état de sa sandbox et ses paramètres</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>Weft connects your bank accounts through Plaid. You sign in to your bank in Plaid's own window: your password goes to your bank, never to Weft. For each connection Plaid gives Weft a key, which Weft keeps in your system's keychain, never in a file.</source>
            <translation>Weft relie vos comptes bancaires par Plaid. Vous vous connectez à votre banque dans la fenêtre de Plaid : votre mot de passe va à votre banque, jamais à Weft. Pour chaque connexion, Plaid donne à Weft une clé que Weft garde dans le trousseau de votre système, jamais dans un fichier.</translation>
        </message>
        <message>
            <source>Weft could not save its list of bank connections (%1). Nothing is lost yet: the list is kept in memory and saved as soon as the disk has room. Free some space before you quit.</source>
            <translation>Weft n'a pas pu enregistrer sa liste de connexions bancaires (%1). Rien n'est encore perdu : la liste reste en mémoire et sera enregistrée dès que le disque aura de la place. Libérez de l'espace avant de quitter.</translation>
        </message>
        <message>
            <source>Link is taking longer than usual to load. The computer may be busy; Weft keeps trying.</source>
            <translation>Link met plus de temps que d'habitude à se charger. L'ordinateur est peut-être occupé ; Weft continue d'essayer.</translation>
        </message>
        <message>
            <source>Link is taking longer than usual to load. It comes from Plaid over the internet: check the connection. Weft keeps trying.</source>
            <translation>Link met plus de temps que d'habitude à se charger. Il vient de Plaid par Internet : vérifiez la connexion. Weft continue d'essayer.</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Démarrage…</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Caméra</translation>
        </message>
        <message>
            <source>Plaid wants to use your camera to take a photo that confirms it is you (identity verification, from %1). Allow the camera?</source>
            <translation>Plaid veut utiliser votre caméra pour prendre une photo qui confirme que c'est bien vous (vérification d'identité, depuis %1). Autoriser la caméra ?</translation>
        </message>
        <message>
            <source>Allow the camera</source>
            <translation>Autoriser la caméra</translation>
        </message>
        <message>
            <source>Don't allow</source>
            <translation>Ne pas autoriser</translation>
        </message>
        <message>
            <source>List not saved</source>
            <translation>Liste non enregistrée</translation>
        </message>
        <message>
            <source>Weft could not save its list of bank connections (%1). If it quits now, the latest changes to the list are lost (the connections at Plaid and the tokens in the keychain are not). Quit anyway?</source>
            <translation>Weft n'a pas pu enregistrer sa liste de connexions bancaires (%1). S'il quitte maintenant, les dernières modifications de la liste sont perdues (pas les connexions chez Plaid ni les jetons du trousseau). Quitter quand même ?</translation>
        </message>
        <message>
            <source>Link events of this session</source>
            <translation>Événements Link de cette session</translation>
        </message>
        <message>
            <source>Weft %1</source>
            <translation>Weft %1</translation>
        </message>
        <message>
            <source>Link could not be opened to fix %1: %2</source>
            <translation>Link n'a pas pu s'ouvrir pour réparer %1 : %2</translation>
        </message>
        <message>
            <source>Link is not part of this session</source>
            <translation>Link ne fait pas partie de cette session</translation>
        </message>
        <message>
            <source>The settings were not applied: %1
Weft goes on with %2.</source>
            <translation>Les paramètres n'ont pas été appliqués : %1
Weft continue avec %2.</translation>
        </message>
        <message>
            <source>No backend is running: %1
The Items stay listed; open the settings to fix this.</source>
            <translation>Aucun backend ne fonctionne : %1
Les Items restent listés ; ouvrez les paramètres pour corriger cela.</translation>
        </message>
        <message>
            <source>No backend</source>
            <translation>Aucun backend</translation>
        </message>
        <message>
            <source>Changing the backend…</source>
            <translation>Changement de backend…</translation>
        </message>
        <message>
            <source>Weft could not open your web browser for %1.</source>
            <translation>Weft n'a pas pu ouvrir votre navigateur web pour %1.</translation>
        </message>
        <message>
            <source>Link asked to open a window that Weft does not allow (windows open only when you click, and only for your bank's sign-in page).</source>
            <translation>Link a demandé à ouvrir une fenêtre que Weft n'autorise pas (les fenêtres ne s'ouvrent que sur votre clic, et seulement pour la page de connexion de votre banque).</translation>
        </message>
        <message>
            <source>Weft was opened from a bank's sign-in page, but that address is not the one Weft gave the bank (see Settings, OAuth redirect_uri). If you were connecting a bank, start again.</source>
            <translation>Weft a été ouvert depuis la page de connexion d'une banque, mais pas à l'adresse que Weft avait donnée à la banque (voir Paramètres, OAuth redirect_uri). Si vous connectiez une banque, recommencez.</translation>
        </message>
        <message>
            <source>Weft came back from your bank's sign-in, but that Link session is over. Connect the bank again.</source>
            <translation>Weft revient de la connexion à votre banque, mais cette session Link est terminée. Connectez la banque à nouveau.</translation>
        </message>
        <message>
            <source>Back from your bank's sign-in: finishing in Link…</source>
            <translation>De retour de la connexion à votre banque : finalisation dans Link…</translation>
        </message>
        <message>
            <source>Unknown institution</source>
            <translation>Établissement inconnu</translation>
        </message>
        <message>
            <source>%1 (item_id %2)</source>
            <translation>%1 (item_id %2)</translation>
        </message>
        <message>
            <source>you chose to quit</source>
            <translation>vous avez choisi de quitter</translation>
        </message>
        <message>
            <source>Saving the access tokens again…</source>
            <translation>Nouvel enregistrement des jetons d'accès…</translation>
        </message>
        <message>
            <source>Weft is closing…</source>
            <translation>Fermeture de Weft…</translation>
        </message>
        <message>
            <source>the desktop session ended</source>
            <translation>la session du bureau s'est terminée</translation>
        </message>
        <message>
            <source>Remove all my data</source>
            <translation>Supprimer toutes mes données</translation>
        </message>
        <message numerus="yes">
            <source>This deletes everything Weft keeps on this computer: the access tokens of %n connection(s) and your Plaid secrets from the keychain, the list of connections, the sandbox's state and the settings. The connections stay at Plaid (remove them one by one first to end them there). Weft then closes.</source>
            <translation>
                <numerusform>Cela efface tout ce que Weft garde sur cet ordinateur : le jeton d'accès de %n connexion et vos secrets Plaid du trousseau, la liste des connexions, l'état de la sandbox et les paramètres. La connexion reste chez Plaid (supprimez-la d'abord pour y mettre fin). Weft se ferme ensuite.</numerusform>
                <numerusform>Cela efface tout ce que Weft garde sur cet ordinateur : les jetons d'accès de %n connexions et vos secrets Plaid du trousseau, la liste des connexions, l'état de la sandbox et les paramètres. Les connexions restent chez Plaid (supprimez-les d'abord une à une pour y mettre fin). Weft se ferme ensuite.</numerusform>
            </translation>
        </message>
        <message>
            <source>Some data could not be removed; nothing else was touched:
%1</source>
            <translation>Certaines données n'ont pas pu être supprimées ; rien d'autre n'a été touché :
%1</translation>
        </message>
        <message>
            <source>All of Weft's data is removed.</source>
            <translation>Toutes les données de Weft sont supprimées.</translation>
        </message>
        <message>
            <source>Applying the settings: %1…</source>
            <translation>Application des paramètres : %1…</translation>
        </message>
        <message>
            <source>It could not be read: %1</source>
            <translation>Il n'a pas pu être lu : %1</translation>
        </message>
        <message>
            <source>Diagnostics: %1</source>
            <translation>Diagnostic : %1</translation>
        </message>
        <message>
            <source>Open diagnostics</source>
            <translation>Ouvrir un diagnostic</translation>
        </message>
        <message>
            <source>%1 was not opened. %2</source>
            <translation>%1 n'a pas été ouvert. %2</translation>
        </message>
        <message>
            <source>Diagnostics (*.json *.txt);;All files (*)</source>
            <translation>Diagnostics (*.json *.txt);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>%1 is connected.</source>
            <translation>%1 est connectée.</translation>
        </message>
        <message>
            <source>The connection</source>
            <translation>La connexion</translation>
        </message>
        <message>
            <source>%1 works again.</source>
            <translation>%1 fonctionne à nouveau.</translation>
        </message>
        <message>
            <source>Bank connections</source>
            <translation>Connexions bancaires</translation>
        </message>
        <message>
            <source>Weft now sees the accounts you chose at %1.</source>
            <translation>Weft voit désormais les comptes que vous avez choisis chez %1.</translation>
        </message>
    </context>
    <context>
        <name>PendingExchangeBanner</name>
        <message>
            <source>Unfinished bank connection</source>
            <translation>Connexion bancaire inachevée</translation>
        </message>
        <message>
            <source>Link again</source>
            <translation>Relier à nouveau</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>a bank</source>
            <translation>une banque</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message numerus="yes">
            <source>Weft stopped while it was finishing the connection to %1. The connection may exist at Plaid without Weft knowing it. To use it here, link the bank again.</source>
            <translation>
                <numerusform>Weft s'est arrêté pendant qu'il terminait la connexion à %1. La connexion existe peut-être chez Plaid sans que Weft le sache. Pour l'utiliser ici, reliez à nouveau la banque.</numerusform>
                <numerusform>Weft s'est arrêté pendant qu'il terminait les connexions à %1. Les connexions existent peut-être chez Plaid sans que Weft le sache. Pour les utiliser ici, reliez à nouveau les banques.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PopupWindow</name>
        <message>
            <source>Sign in to your bank</source>
            <translation>Connectez-vous à votre banque</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>The Items index could not be read: %1</source>
            <translation>L'index des Items n'a pas pu être lu : %1</translation>
        </message>
        <message>
            <source>The Items index was damaged (%1). It was kept as %2; Weft starts with an empty list.</source>
            <translation>L'index des Items était endommagé (%1). Il a été conservé sous %2 ; Weft démarre avec une liste vide.</translation>
        </message>
        <message>
            <source>No Plaid secret is saved for %1: enter it in the settings.</source>
            <translation>Aucun secret Plaid n'est enregistré pour %1 : saisissez-le dans les paramètres.</translation>
        </message>
        <message>
            <source>The Plaid secret could not be read: %1</source>
            <translation>Le secret Plaid n'a pas pu être lu : %1</translation>
        </message>
        <message>
            <source>The embedded Plaid Sandbox could not start: %1</source>
            <translation>La sandbox Plaid intégrée n'a pas pu démarrer : %1</translation>
        </message>
        <message>
            <source>The Link host page server could not start: %1</source>
            <translation>Le serveur de la page hôte de Link n'a pas pu démarrer : %1</translation>
        </message>
        <message>
            <source>%1 at %2</source>
            <translation>%1 à %2</translation>
        </message>
    </context>
    <context>
        <name>RefreshBar</name>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Refresh progress</source>
            <translation>Progression de l'actualisation</translation>
        </message>
        <message>
            <source>Refreshing</source>
            <translation>Actualisation</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message numerus="yes">
            <source>%n connection(s) refreshed</source>
            <translation>
                <numerusform>%n connexion actualisée</numerusform>
                <numerusform>%n connexions actualisées</numerusform>
            </translation>
        </message>
        <message>
            <source>Refresh canceled: %1</source>
            <translation>Actualisation annulée : %1</translation>
        </message>
        <message numerus="yes">
            <source>; %n could not be refreshed (see their status)</source>
            <translation>
                <numerusform>; %n n'a pas pu être actualisée (voir son statut)</numerusform>
                <numerusform>; %n n'ont pas pu être actualisées (voir leur statut)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>The access token is missing from the keychain.</source>
            <translation>Le jeton d'accès manque dans le trousseau.</translation>
        </message>
        <message>
            <source>Your provider&apos;s server did not sign Weft in: %1</source>
            <translation>Le serveur de votre fournisseur n&apos;a pas connecté Weft : %1</translation>
        </message>
        <message>
            <source>Your provider&apos;s server at %1 could not be reached: %2</source>
            <translation>Le serveur de votre fournisseur à l&apos;adresse %1 est injoignable : %2</translation>
        </message>
        <message>
            <source>The Link host page server could not start: %1</source>
            <translation>Le serveur de la page hôte de Link n&apos;a pas pu démarrer : %1</translation>
        </message>
        <message>
            <source>Your provider&apos;s server names a Link script Weft does not load (%1): only Plaid&apos;s own, or a sandbox on this computer.</source>
            <translation>Le serveur de votre fournisseur désigne un script Link que Weft ne charge pas (%1) : seulement celui de Plaid, ou un sandbox sur cet ordinateur.</translation>
        </message>
        <message>
            <source>Your connections could not be brought up to date from your provider&apos;s server: %1</source>
            <translation>Vos connexions n&apos;ont pas pu être mises à jour depuis le serveur de votre fournisseur : %1</translation>
        </message>
    </context>
    <context>
        <name>SessionManager</name>
        <message>
            <source>The Plaid secret was not saved: %1</source>
            <translation>Le secret Plaid n'a pas été enregistré : %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Weft settings</source>
            <translation>Paramètres de Weft</translation>
        </message>
        <message>
            <source>Backend</source>
            <translation>Backend</translation>
        </message>
        <message>
            <source>&amp;Mode</source>
            <translation>&amp;Mode</translation>
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
            <translation>Laisser vide pour garder le secret enregistré</translation>
        </message>
        <message>
            <source>The secret is kept in the system keychain, never in the settings file. Leave the field empty to keep the saved secret.</source>
            <translation>Le secret est gardé dans le trousseau du système, jamais dans le fichier de paramètres. Laissez le champ vide pour garder le secret enregistré.</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Client &amp;name</source>
            <translation>&amp;Nom du client</translation>
        </message>
        <message>
            <source>&amp;Products</source>
            <translation>&amp;Produits</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Produits</translation>
        </message>
        <message>
            <source>&amp;Countries</source>
            <translation>Pa&amp;ys</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Pays</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Webhook</source>
            <translation>&amp;Webhook</translation>
        </message>
        <message>
            <source>https://… (optional)</source>
            <translation>https://… (facultatif)</translation>
        </message>
        <message>
            <source>OAuth &amp;redirect_uri</source>
            <translation>OAuth &amp;redirect_uri</translation>
        </message>
        <message>
            <source>weft://oauth or https://… (optional)</source>
            <translation>weft://oauth ou https://… (facultatif)</translation>
        </message>
        <message>
            <source>With an address here, banks' sign-in pages open in your web browser and come back to Weft through it. Empty: they open in a Weft window.</source>
            <translation>Avec une adresse ici, les pages de connexion des banques s'ouvrent dans votre navigateur web et reviennent à Weft par lui. Vide : elles s'ouvrent dans une fenêtre de Weft.</translation>
        </message>
        <message>
            <source>client_user_id</source>
            <translation>client_user_id</translation>
        </message>
        <message>
            <source>A random id Weft made once for Link; never personal data.</source>
            <translation>Un identifiant aléatoire créé une fois par Weft pour Link ; jamais de données personnelles.</translation>
        </message>
        <message>
            <source>&amp;Open Link in</source>
            <translation>&amp;Ouvrir Link dans</translation>
        </message>
        <message>
            <source>Your web browser works for banks and checks that Weft's window cannot show. Weft waits while you finish there.</source>
            <translation>Votre navigateur web convient aux banques et aux vérifications que la fenêtre de Weft ne peut pas afficher. Weft attend pendant que vous terminez là-bas.</translation>
        </message>
        <message>
            <source>Same as the system (%1)</source>
            <translation>Comme le système (%1)</translation>
        </message>
        <message>
            <source>This window</source>
            <translation>Cette fenêtre</translation>
        </message>
        <message>
            <source>Your web browser</source>
            <translation>Votre navigateur web</translation>
        </message>
        <message>
            <source>Plaid's API with Sandbox rules, inside Weft: no network and no keys needed.</source>
            <translation>L'API de Plaid avec les règles de la Sandbox, intégrée à Weft : ni réseau ni clés nécessaires.</translation>
        </message>
        <message>
            <source>Plaid's Sandbox at sandbox.plaid.com with your own keys.</source>
            <translation>La Sandbox de Plaid sur sandbox.plaid.com avec vos propres clés.</translation>
        </message>
        <message>
            <source>Plaid's Production at production.plaid.com with your own keys: real banks and real data.</source>
            <translation>La Production de Plaid sur production.plaid.com avec vos propres clés : de vraies banques et de vraies données.</translation>
        </message>
        <message>
            <source>Plaid Production</source>
            <translation>Plaid Production</translation>
        </message>
        <message>
            <source>Plaid expects the API secret to live on a server, not on the desktop. Weft's direct Production mode is meant for people using their own Plaid keys for their own accounts: the secret is kept in this computer's keychain, and anyone who can use this account can use it.</source>
            <translation>Plaid veut que le secret de l'API se trouve sur un serveur, pas sur le poste de travail. Le mode Production direct de Weft s'adresse aux personnes qui utilisent leurs propres clés Plaid pour leurs propres comptes : le secret est gardé dans le trousseau de cet ordinateur, et toute personne pouvant utiliser ce compte peut s'en servir.</translation>
        </message>
        <message>
            <source>Ser&amp;ver address</source>
            <translation>Adresse du ser&amp;veur</translation>
        </message>
        <message>
            <source>https://weft.example.com</source>
            <translation>https://weft.example.com</translation>
        </message>
        <message>
            <source>Enrolment c&amp;ode</source>
            <translation>Code d&apos;&amp;inscription</translation>
        </message>
        <message>
            <source>Leave empty to stay signed in</source>
            <translation>Laissez vide pour rester connecté</translation>
        </message>
        <message>
            <source>Your provider gives you the address and a one-time enrolment code. Weft keeps only its sign-in in the system keychain; your bank connections&apos; keys stay on the server.</source>
            <translation>Votre fournisseur vous donne l&apos;adresse et un code d&apos;inscription à usage unique. Weft ne garde que sa connexion dans le trousseau du système ; les clés de vos connexions bancaires restent sur le serveur.</translation>
        </message>
        <message>
            <source>The server of the company that gave you Weft: it keeps the keys to your bank connections, and tells Weft when one needs you.</source>
            <translation>Le serveur de l&apos;entreprise qui vous a fourni Weft : il garde les clés de vos connexions bancaires et prévient Weft quand l&apos;une d&apos;elles a besoin de vous.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Every action is also in the menus: press Alt and the underlined letter, or F10 to reach the menu bar.</source>
            <translation>Chaque action est aussi dans les menus : appuyez sur Alt et la lettre soulignée, ou sur F10 pour atteindre la barre de menus.</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menu</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source> or </source>
            <translation> ou </translation>
        </message>
    </context>
    <context>
        <name>weft::AppSettings</name>
        <message>
            <source>Embedded Plaid Sandbox</source>
            <translation>Sandbox Plaid intégrée</translation>
        </message>
        <message>
            <source>Plaid Sandbox</source>
            <translation>Plaid Sandbox</translation>
        </message>
        <message>
            <source>Plaid Production</source>
            <translation>Plaid Production</translation>
        </message>
        <message>
            <source>A Plaid client_id is needed for %1.</source>
            <translation>Un client_id Plaid est nécessaire pour %1.</translation>
        </message>
        <message>
            <source>The client name must have 1 to 30 characters.</source>
            <translation>Le nom du client doit compter de 1 à 30 caractères.</translation>
        </message>
        <message>
            <source>Choose at least one product.</source>
            <translation>Choisissez au moins un produit.</translation>
        </message>
        <message>
            <source>Choose at least one country.</source>
            <translation>Choisissez au moins un pays.</translation>
        </message>
        <message>
            <source>Link does not support the language "%1".</source>
            <translation>Link ne prend pas en charge la langue « %1 ».</translation>
        </message>
        <message>
            <source>The webhook must be an http or https address.</source>
            <translation>Le webhook doit être une adresse http ou https.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI must be an https address.</source>
            <translation>L'URI de redirection OAuth doit être une adresse https.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI must be an https or weft:// address.</source>
            <translation>L'URI de redirection OAuth doit être une adresse https ou weft://.</translation>
        </message>
        <message>
            <source>The OAuth redirect URI may not have a query (?...).</source>
            <translation>L'URI de redirection OAuth ne peut pas avoir de requête (?...).</translation>
        </message>
        <message>
            <source>Your provider&apos;s server</source>
            <translation>Serveur de votre fournisseur</translation>
        </message>
        <message>
            <source>Enter your provider&apos;s server address, such as https://weft.example.com.</source>
            <translation>Saisissez l&apos;adresse du serveur de votre fournisseur, par exemple https://weft.example.com.</translation>
        </message>
        <message>
            <source>The server&apos;s address is only its https:// address, without a name, password or query.</source>
            <translation>L&apos;adresse du serveur est seulement son adresse https://, sans nom, mot de passe ni requête.</translation>
        </message>
        <message>
            <source>The server&apos;s address must start with https:// (plain http is only for a server on this computer).</source>
            <translation>L&apos;adresse du serveur doit commencer par https:// (le http simple est réservé à un serveur sur cet ordinateur).</translation>
        </message>
    </context>
    <context>
        <name>weft::main</name>
        <message>
            <source>Connect bank accounts with Plaid Link.

  weft items [--json] [--refresh]   list the Items (see weft items --help)
  weft item ITEM_ID [--json]        one Item in full</source>
            <translation>Relier des comptes bancaires avec Plaid Link.

  weft items [--json] [--refresh]   lister les Items (voir weft items --help)
  weft item ITEM_ID [--json]        un Item en entier</translation>
        </message>
        <message>
            <source>Use the embedded Plaid Sandbox (the default: no network, no keys).</source>
            <translation>Utiliser la Sandbox Plaid intégrée (par défaut : ni réseau ni clés).</translation>
        </message>
        <message>
            <source>Open Link as soon as it is ready.</source>
            <translation>Ouvrir Link dès qu'il est prêt.</translation>
        </message>
        <message>
            <source>Sandbox mode only: allow Chromium's remote debugging of the Link view on 127.0.0.1:PORT.</source>
            <translation>Mode sandbox uniquement : autoriser le débogage à distance de Chromium pour la vue Link sur 127.0.0.1:PORT.</translation>
        </message>
        <message>
            <source>For weft-bench: print start-up and Link milestones on standard output and take its commands on standard input.</source>
            <translation>Pour weft-bench : écrire les étapes du démarrage et de Link sur la sortie standard et prendre ses commandes sur l'entrée standard.</translation>
        </message>
        <message>
            <source>A weft:// address the system opens Weft with when a bank's sign-in returns (OAuth by redirect).</source>
            <translation>Une adresse weft:// avec laquelle le système ouvre Weft au retour de la connexion à une banque (OAuth par redirection).</translation>
        </message>
        <message>
            <source>[address]</source>
            <translation>[adresse]</translation>
        </message>
        <message>
            <source>Use your provider&apos;s weft-server at URL (saved in the settings). With an enrolment code in the environment variable WEFT_ENROLMENT_CODE, enrol with it first.</source>
            <translation>Utiliser le weft-server de votre fournisseur à l&apos;adresse URL (enregistrée dans les réglages). Avec un code d&apos;inscription dans la variable d&apos;environnement WEFT_ENROLMENT_CODE, s&apos;inscrire d&apos;abord avec lui.</translation>
        </message>
    </context>
    <context>
        <name>weft::ui::Dismissible</name>
        <message>
            <source>Dismiss</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Dismiss this message</source>
            <translation>Fermer ce message</translation>
        </message>
    </context>
    <context>
        <name>weft::vault</name>
        <message>
            <source>Saved in the keychain.</source>
            <translation>Enregistré dans le trousseau.</translation>
        </message>
        <message>
            <source>The keychain has no such entry.</source>
            <translation>Le trousseau n'a pas cette entrée.</translation>
        </message>
        <message>
            <source>No keychain is available. Start your desktop's keyring (Secret Service or KWallet) and try again.</source>
            <translation>Aucun trousseau n'est disponible. Démarrez le trousseau de votre bureau (Secret Service ou KWallet) et réessayez.</translation>
        </message>
        <message>
            <source>Weft cannot reach the keychain: the libsecret library (libsecret-1.so.0) is not installed. Install the package libsecret-1-0 (Debian, Ubuntu) or libsecret (Fedora, openSUSE) and try again.</source>
            <translation>Weft n'accède pas au trousseau : la bibliothèque libsecret (libsecret-1.so.0) n'est pas installée. Installez le paquet libsecret-1-0 (Debian, Ubuntu) ou libsecret (Fedora, openSUSE) et réessayez.</translation>
        </message>
        <message>
            <source>The keychain refused access. Unlock it and try again.</source>
            <translation>Le trousseau a refusé l'accès. Déverrouillez-le et réessayez.</translation>
        </message>
        <message>
            <source>Access to the keychain was denied. Allow Weft to use it and try again.</source>
            <translation>L'accès au trousseau a été refusé. Autorisez Weft à l'utiliser et réessayez.</translation>
        </message>
        <message>
            <source>The keychain reported success but did not keep the value.</source>
            <translation>Le trousseau a signalé un succès mais n'a pas gardé la valeur.</translation>
        </message>
        <message>
            <source>The keychain did not answer. It may be locked and waiting for its password, or not running. Unlock or restart it and try again.</source>
            <translation>Le trousseau n'a pas répondu. Il est peut-être verrouillé et attend son mot de passe, ou il ne tourne pas. Déverrouillez-le ou redémarrez-le et réessayez.</translation>
        </message>
        <message>
            <source>The keychain failed.</source>
            <translation>Le trousseau a échoué.</translation>
        </message>
    </context>
    <context>
        <name>ServerCredential</name>
        <message>
            <source>The server did not accept the enrolment code: %1</source>
            <translation>Le serveur n&apos;a pas accepté le code d&apos;inscription : %1</translation>
        </message>
        <message>
            <source>The server could not be reached: %1</source>
            <translation>Le serveur est injoignable : %1</translation>
        </message>
        <message>
            <source>The server&apos;s sign-in answer is incomplete (no tokens or expiry).</source>
            <translation>La réponse de connexion du serveur est incomplète (pas de jetons ou pas d&apos;expiration).</translation>
        </message>
        <message>
            <source>The sign-in could not be saved to the keychain: %1</source>
            <translation>La connexion n&apos;a pas pu être enregistrée dans le trousseau : %1</translation>
        </message>
        <message>
            <source>This computer is not enrolled with the server: enter an enrolment code in the settings.</source>
            <translation>Cet ordinateur n&apos;est pas inscrit auprès du serveur : saisissez un code d&apos;inscription dans les réglages.</translation>
        </message>
        <message>
            <source>The server sign-in could not be read from the keychain: %1</source>
            <translation>La connexion au serveur n&apos;a pas pu être lue dans le trousseau : %1</translation>
        </message>
        <message>
            <source>The server ended this computer&apos;s sign-in (%1). Enter a new enrolment code in the settings.</source>
            <translation>Le serveur a mis fin à la connexion de cet ordinateur (%1). Saisissez un nouveau code d&apos;inscription dans les réglages.</translation>
        </message>
    </context>
    <context>
        <name>ServerItems</name>
        <message>
            <source>The server no longer has this Item.</source>
            <translation>Le serveur n&apos;a plus cet Item.</translation>
        </message>
        <message>
            <source>A support account cannot remove someone&apos;s connection.</source>
            <translation>Un compte d&apos;assistance ne peut pas supprimer la connexion d&apos;une autre personne.</translation>
        </message>
    </context>
    <context>
        <name>weft::remote::ServerLinkBackend</name>
        <message>
            <source>Link in the browser is not available with your provider&apos;s server; Link opens in Weft&apos;s window.</source>
            <translation>Link dans le navigateur n&apos;est pas disponible avec le serveur de votre fournisseur ; Link s&apos;ouvre dans la fenêtre de Weft.</translation>
        </message>
    </context>
</TS>
