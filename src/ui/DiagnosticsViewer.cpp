#include "ui/DiagnosticsViewer.h"

#include "ui/ItemDetailsView.h"
#include "vault/ItemRecord.h"

#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

namespace weft::ui {

DiagnosticsViewer::DiagnosticsViewer(QWidget *parent)
    : QDialog(parent)
    , m_origin(new QLabel(this))
    , m_details(new ItemDetailsView(this))
{
    setWindowTitle(tr("Diagnostics"));
    m_origin->setObjectName(QStringLiteral("diagnosticsOrigin"));
    m_origin->setWordWrap(true);
    m_origin->setTextFormat(Qt::PlainText);
    m_origin->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_origin->setAccessibleName(tr("Where the diagnostics come from"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_origin);
    layout->addWidget(m_details, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 560);
}

QString DiagnosticsViewer::origin() const
{
    return m_origin->text();
}

bool DiagnosticsViewer::load(const QByteArray &bytes, QString *error)
{
    if (bytes.size() > kMaxBytes) {
        *error = tr("The file is larger than diagnostics ever are (%1 bytes).").arg(bytes.size());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? tr("The file is not diagnostics from Weft: %1 at byte %2.")
                           .arg(parseError.errorString())
                           .arg(parseError.offset)
                     : tr("The file is not diagnostics from Weft: no JSON object in it.");
        return false;
    }
    const QJsonObject json = document.object();
    QString recordError;
    const std::optional<vault::ItemRecord> record = vault::ItemRecord::fromJson(json, &recordError);
    if (!record) {
        *error = tr("The file is not diagnostics from Weft: %1.").arg(recordError);
        return false;
    }
    const QJsonObject weft = json.value(QLatin1StringView("weft")).toObject();
    QStringList from;
    for (const char *key : {"weft", "qt", "chromium", "system", "backend"}) {
        const QString value = weft.value(QLatin1StringView(key)).toString();
        if (!value.isEmpty())
            from << value;
    }
    m_origin->setText(from.isEmpty() ? tr("Sent without versions (an older Weft).")
                                     : tr("Sent from: %1").arg(from.join(QStringLiteral(" · "))));
    m_details->showItem(*record, json.value(QLatin1StringView("token")).toString(), false);
    return true;
}

} // namespace weft::ui
