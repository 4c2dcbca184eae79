#include "plaid/PlaidConfig.h"

namespace weft::plaid {

QUrl PlaidConfig::sandboxUrl()
{
    return QUrl(QStringLiteral("https://sandbox.plaid.com"));
}

QUrl PlaidConfig::productionUrl()
{
    return QUrl(QStringLiteral("https://production.plaid.com"));
}

} // namespace weft::plaid
