#include "ui/GraphicsSetup.h"

#include "ui/UiLogging.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QRegularExpression>

namespace weft::ui {
namespace {

// OpenGL drivers that rasterise on the CPU.
bool isSoftwareRenderer(const QString &renderer)
{
    static const QRegularExpression software(
        QStringLiteral("llvmpipe|softpipe|swrast|software rasterizer|swiftshader|lavapipe"),
        QRegularExpression::CaseInsensitiveOption);
    return software.match(renderer).hasMatch();
}

// The display's OpenGL renderer, or an empty string with *problem set when there is none.
QString openGlRenderer(QString *problem)
{
    QOpenGLContext context;
    if (!context.create()) {
        *problem = QStringLiteral("no OpenGL on this display");
        return {};
    }
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!surface.isValid() || !context.makeCurrent(&surface)) {
        *problem = QStringLiteral("OpenGL could not be used on this display");
        return {};
    }
    const auto *name =
        reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    QString renderer = QString::fromLatin1(name ? name : "");
    context.doneCurrent();
    return renderer;
}

} // namespace

GraphicsChoice setUpGraphics()
{
    GraphicsChoice choice;
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND") ||
        qEnvironmentVariableIsSet("QSG_RHI_BACKEND")) {
        choice.software = QQuickWindow::graphicsApi() == QSGRendererInterface::Software;
        choice.reason = QStringLiteral("as QT_QUICK_BACKEND / QSG_RHI_BACKEND say");
        return choice;
    }
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    choice.reason = QStringLiteral("the platform's default");
    return choice;
#else
    QString problem;
    const QString renderer = openGlRenderer(&problem);
    if (!problem.isEmpty()) {
        choice.software = true;
        choice.reason = problem;
        qCWarning(lcUi).noquote() << problem << "- Weft composes its window in software";
    } else if (isSoftwareRenderer(renderer)) {
        choice.software = true;
        choice.reason = QStringLiteral("OpenGL is rasterised in software (%1)").arg(renderer);
        qCInfo(lcUi).noquote() << choice.reason << "- Weft composes its window in software";
    } else {
        choice.reason = QStringLiteral("OpenGL renderer %1").arg(renderer);
        qCInfo(lcUi).noquote() << "composing the window with" << choice.reason;
    }
    if (choice.software)
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return choice;
#endif
}

} // namespace weft::ui
