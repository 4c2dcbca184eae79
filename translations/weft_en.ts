<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the source texts are English, with "(s)" where a count decides. -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>weft::ui::MainWindow</name>
    <message numerus="yes">
        <source>This deletes everything Weft keeps on this computer: the access tokens of %n connection(s) and your Plaid secrets from the keychain, the list of connections, the sandbox&apos;s state and the settings. The connections stay at Plaid (remove them one by one first to end them there). Weft then closes.</source>
        <translation>
            <numerusform>This deletes everything Weft keeps on this computer: the access token of %n connection and your Plaid secrets from the keychain, the list of connections, the sandbox&apos;s state and the settings. The connection stays at Plaid (remove it first to end it there). Weft then closes.</numerusform>
            <numerusform>This deletes everything Weft keeps on this computer: the access tokens of %n connections and your Plaid secrets from the keychain, the list of connections, the sandbox&apos;s state and the settings. The connections stay at Plaid (remove them one by one first to end them there). Weft then closes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::PendingExchangeBanner</name>
    <message numerus="yes">
        <source>Weft stopped while it was finishing the connection to %1. The connection may exist at Plaid without Weft knowing it. To use it here, link the bank again.</source>
        <translation>
            <numerusform>Weft stopped while it was finishing the connection to %1. The connection may exist at Plaid without Weft knowing it. To use it here, link the bank again.</numerusform>
            <numerusform>Weft stopped while it was finishing the connections to %1. The connections may exist at Plaid without Weft knowing them. To use them here, link the banks again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::ItemsPanel</name>
    <message numerus="yes">
        <source>%n bank connection(s)</source>
        <translation>
            <numerusform>%n bank connection</numerusform>
            <numerusform>%n bank connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::RefreshBar</name>
    <message numerus="yes">
        <source>%n connection(s) refreshed</source>
        <translation>
            <numerusform>%n connection refreshed</numerusform>
            <numerusform>%n connections refreshed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n could not be refreshed (see their status)</source>
        <translation>
            <numerusform>; %n could not be refreshed (see its status)</numerusform>
            <numerusform>; %n could not be refreshed (see their status)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>weft::ui::AttentionBanner</name>
    <message numerus="yes">
        <source>%n other connection(s) need you too.</source>
        <translation>
            <numerusform>%n other connection needs you too.</numerusform>
            <numerusform>%n other connections need you too.</numerusform>
        </translation>
    </message>
</context>
</TS>
