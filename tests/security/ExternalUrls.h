#pragma once

#include <QDesktopServices>
#include <QObject>
#include <QUrl>

namespace weft::test {

// Stands in for the system browser: counts what the app hands to QDesktopServices.
class ExternalUrls : public QObject
{
    Q_OBJECT

public:
    ExternalUrls()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("mailto"), this, "open");
    }
    ~ExternalUrls() override
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
    }
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace weft::test
