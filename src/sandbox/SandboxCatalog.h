#pragma once

#include "plaid/PlaidModels.h"
#include "sandbox/PngLogo.h"

#include <QList>

namespace weft::sandbox {

struct CatalogInstitution
{
    plaid::Institution institution; // without logo; see logoBase64()
    LogoPattern pattern = LogoPattern::Solid;
    quint32 color = 0;
};

// The institutions and account templates of Plaid's Sandbox, fixed and offline.
class SandboxCatalog
{
public:
    static const QList<CatalogInstitution> &institutions();
    static const CatalogInstitution *institution(const QString &institutionId);
    // The institution's logo as Plaid sends it: a base64 PNG (rendered once, then cached).
    static QString logoBase64(const QString &institutionId);
    // The accounts a new Item at this institution gets, with fresh account ids. Investment and
    // loan accounts only where the institution offers investments or liabilities.
    static QList<plaid::Account> newAccounts(const CatalogInstitution &institution);
    // An account the user opens at the bank after linking (NEW_ACCOUNTS_AVAILABLE); number
    // counts the accounts opened so far, so that each has its own name and mask.
    static plaid::Account openedAccount(const CatalogInstitution &institution, int number);
    // The products the sandbox emulates: /link/token/create and /sandbox/public_token/create
    // take them, /item/get lists them as available.
    static const QStringList &supportedProducts();
    // Every product name of Plaid's API.
    static const QStringList &plaidProducts();
    // Why products cannot be linked (empty: they can), with Plaid's error code: INVALID_FIELD
    // for a name Plaid does not have, INVALID_PRODUCT for one the sandbox does not emulate.
    static QString productProblem(const QStringList &products, QString *code);
    static const QStringList &countryCodes();
    static const QStringList &languages();
};

} // namespace weft::sandbox
