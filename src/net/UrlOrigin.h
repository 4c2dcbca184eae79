#pragma once

#include <QUrl>

namespace weft::net {

// scheme://host:port of url: what the web's same-origin rule compares.
QUrl originOf(const QUrl &url);

} // namespace weft::net
