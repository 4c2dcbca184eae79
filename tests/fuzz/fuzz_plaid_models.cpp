// Plaid's answers as Weft's client reads them: any bytes as a response body, read as an error
// object (with the status the first byte picks) and as the Item, accounts, institution and
// link token shapes. Never a crash; a reader that fails says why.
#include "plaid/JsonReader.h"
#include "plaid/PlaidError.h"
#include "plaid/PlaidModels.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace weft::plaid;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)));
    if (!document.isObject())
        return 0;
    const QJsonObject body = document.object();
    if (auto error = PlaidError::fromJson(body, 400 + data[0] % 200))
        (void)error->userText();
    {
        JsonReader reader(body);
        JsonReader item = reader.object(QLatin1StringView("item"));
        (void)Item::fromJson(item);
        for (JsonReader &account : reader.objectList(QLatin1StringView("accounts")))
            (void)Account::fromJson(account);
        if (!reader.ok() && reader.errorString().isEmpty())
            std::abort();
    }
    {
        JsonReader reader(body);
        JsonReader institution = reader.object(QLatin1StringView("institution"));
        (void)Institution::fromJson(institution);
        (void)reader.string(QLatin1StringView("link_token"));
        (void)reader.dateTime(QLatin1StringView("expiration"));
        JsonReader metadata = reader.object(QLatin1StringView("metadata"));
        (void)metadata.stringList(QLatin1StringView("initial_products"));
        if (!reader.ok() && reader.errorString().isEmpty())
            std::abort();
    }
    return 0;
}
