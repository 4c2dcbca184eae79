// The files Weft reads back: the Items index and the sandbox's state file, from any bytes (a
// damaged disk, another program). Never a crash; a file that does not parse is said to be
// damaged, one that does gives records that write back and read again the same.
#include "sandbox/SandboxStore.h"
#include "vault/ItemStore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace weft;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<vault::ItemRecord> items;
    QList<vault::PendingExchange> pending;
    if (vault::ItemStore::parse(bytes, &items, &pending).isEmpty()) {
        for (const vault::ItemRecord &record : std::as_const(items)) {
            QString error;
            const auto again = vault::ItemRecord::fromJson(record.toJson(), &error);
            if (!again || again->toJson() != record.toJson())
                std::abort();
        }
    }
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isObject()) {
        sandbox::SandboxStore store;
        QString error;
        if (store.fromJson(document.object(), &error)) {
            sandbox::SandboxStore again;
            if (!again.fromJson(store.toJson(), &error))
                std::abort();
        } else if (error.isEmpty()) {
            std::abort();
        }
    }
    return 0;
}
