#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

namespace weft::vault {
class ItemStore;
class SecretStore;
} // namespace weft::vault

namespace weft::session {

// "Remove all my data": every keychain entry Weft made (the access token of each Item in the
// index, in every environment, the Plaid client secrets, and the sign-in at a provider's
// server, given as extraKeys), the index, the embedded
// sandbox's state and the settings. Uninstalling leaves them; this is how they go. Items are
// not removed at Plaid (that is Remove, one by one, while the tokens exist). Reports what it
// could not delete, and deletes the index only when every token entry is gone, so no keychain
// entry is left without the index that names it.
class DataEraser : public QObject
{
    Q_OBJECT

public:
    DataEraser(vault::SecretStore *secrets, vault::ItemStore *store, QString dataDirectory,
               QStringList extraKeys = {}, QObject *parent = nullptr);

    // done(problems): empty when everything is gone.
    void eraseAll(const std::function<void(const QStringList &problems)> &done);

private:
    vault::SecretStore *m_secrets;
    vault::ItemStore *m_store;
    QString m_dataDirectory;
    QStringList m_extraKeys;
};

} // namespace weft::session
