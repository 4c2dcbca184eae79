#include "ui/AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtWebEngineCore/qtwebenginecoreglobal.h>

namespace weft::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Weft"));
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(tr("<h2>Weft %1</h2>").arg(QStringLiteral(WEFT_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    layout->addWidget(title);

    auto *what = new QLabel(
        tr("Weft connects your bank accounts with Plaid Link. Your bank password goes only to "
           "your bank, never to Weft. The key Plaid gives Weft for each connection is kept in "
           "your system's keychain, not in a file."),
        this);
    what->setWordWrap(true);
    layout->addWidget(what);

    auto *versions = new QLabel(versionsText(), this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    versions->setAccessibleName(tr("Versions"));
    layout->addWidget(versions);

    auto *licences = new QLabel(
        tr("Weft contains Qt and Qt WebEngine (GNU LGPL version 3), Chromium (its own licences, "
           "BSD-style and others) and QtKeychain (BSD 3-clause). Their licence texts come with "
           "Weft."),
        this);
    licences->setWordWrap(true);
    layout->addWidget(licences);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [] { QApplication::clipboard()->setText(versionsText()); });
    const QString folder = licencesFolder();
    if (!folder.isEmpty()) {
        QPushButton *open = buttons->addButton(tr("Show &licences"), QDialogButtonBox::ActionRole);
        connect(open, &QPushButton::clicked, this,
                [folder] { QDesktopServices::openUrl(QUrl::fromLocalFile(folder)); });
    }
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::ActionRole);
    connect(aboutQt, &QPushButton::clicked, this, [this] { QApplication::aboutQt(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText()
{
    return tr("Weft %1 · Qt %2 · Chromium %3 (security fixes to %4)")
        .arg(QStringLiteral(WEFT_VERSION), QString::fromLatin1(qVersion()),
             QString::fromLatin1(qWebEngineChromiumVersion()),
             QString::fromLatin1(qWebEngineChromiumSecurityPatchVersion()));
}

QString AboutDialog::licencesFolder()
{
    const QDir app(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {app.filePath(QStringLiteral("licenses")),              // Windows
          app.filePath(QStringLiteral("../Resources/licenses")), // macOS
          app.filePath(QStringLiteral("../share/doc/weft"))}) {  // Linux packages
        if (QDir(candidate).exists())
            return QDir::cleanPath(candidate);
    }
    return {};
}

} // namespace weft::ui
