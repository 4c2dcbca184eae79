// KeyRing and TokenCipher: access tokens sealed at rest. A sealed value opens only with its key,
// for its own row, unaltered; rotation keeps old values open while new ones use the new key;
// the key file is refused when others can read it or it is not a key file, saying which line,
// and never quoting a key.
#include "server/KeyRing.h"
#include "server/TokenCipher.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using weft::server::KeyRing;
using weft::server::TokenCipher;

namespace {

const QByteArray kToken = "access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970"_ba;
const QByteArray kRow = "item:eVBnVMp7zdTJLkRNr33Rs6zr7KNJqBFL9DrE6"_ba;

QByteArray b64Url(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

class TestTokenCipher : public QObject
{
    Q_OBJECT

private slots:
    void sealAndOpen();
    void freshNonceEachTime();
    void refusals();
    void rotation();
    void keyFileRoundTrip();
    void keyFileRefusals_data();
    void keyFileRefusals();
};

void TestTokenCipher::sealAndOpen()
{
    const TokenCipher cipher(KeyRing::generate());
    const QString sealed = cipher.seal(kToken, kRow);
    QVERIFY(sealed.startsWith(u"v1." + cipher.keyRing().currentKeyId() + u'.'));
    QVERIFY(!sealed.contains(QString::fromLatin1(kToken)));
    QVERIFY(!sealed.contains(u"access-"_s));
    // nonce (12) + the token's length + tag (16)
    QCOMPARE(b64Url(sealed.section(u'.', 2)).size(), 12 + kToken.size() + 16);
    const TokenCipher::Opened opened = cipher.open(sealed, kRow);
    QVERIFY2(opened.plaintext, qPrintable(opened.problem));
    QCOMPARE(*opened.plaintext, kToken);
    QCOMPARE(TokenCipher::keyIdOf(sealed), cipher.keyRing().currentKeyId());
    // The empty string seals and opens too.
    QCOMPARE(cipher.open(cipher.seal({}, kRow), kRow).plaintext.value_or("x"_ba), QByteArray());
}

void TestTokenCipher::freshNonceEachTime()
{
    const TokenCipher cipher(KeyRing::generate());
    QSet<QByteArray> nonces;
    QSet<QString> sealed;
    for (int i = 0; i < 200; ++i) {
        const QString value = cipher.seal(kToken, kRow);
        sealed.insert(value);
        nonces.insert(b64Url(value.section(u'.', 2)).left(12));
    }
    QCOMPARE(sealed.size(), 200);
    QCOMPARE(nonces.size(), 200);
}

void TestTokenCipher::refusals()
{
    const TokenCipher cipher(KeyRing::generate());
    const QString sealed = cipher.seal(kToken, kRow);
    // Another row's: the context is authenticated.
    QVERIFY(!cipher.open(sealed, "item:another"_ba).plaintext);
    QVERIFY(cipher.open(sealed, "item:another"_ba).problem.contains(u"not authentic"_s));
    // Any bit of nonce, ciphertext or tag changed.
    QByteArray payload = b64Url(sealed.section(u'.', 2));
    for (const qsizetype at : {qsizetype(0), qsizetype(20), payload.size() - 1}) {
        QByteArray altered = payload;
        altered[at] = char(altered[at] ^ 0x01);
        const QString forged = sealed.section(u'.', 0, 1) + u'.' +
                               QString::fromLatin1(altered.toBase64(
                                   QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY2(!cipher.open(forged, kRow).plaintext, qPrintable(QString::number(at)));
    }
    // Truncated, not base64, another version, no parts.
    QVERIFY(!cipher.open(sealed.left(sealed.size() - 4), kRow).plaintext);
    QVERIFY(!cipher.open(sealed.section(u'.', 0, 1) + u".%%%"_s, kRow).plaintext);
    QVERIFY(!cipher.open(u"v2"_s + sealed.mid(2), kRow).plaintext);
    QCOMPARE(cipher.open(QString::fromLatin1(kToken), kRow).problem, u"not a sealed value"_s);
    QCOMPARE(cipher.open(sealed.section(u'.', 0, 1) + u".AAAA"_s, kRow).problem,
             u"not a sealed value"_s);
    // Another ring (another server's key file) does not open it, and says which key it needs.
    const TokenCipher stranger(KeyRing::generate());
    const TokenCipher::Opened opened = stranger.open(sealed, kRow);
    QVERIFY(!opened.plaintext);
    QVERIFY(opened.problem.contains(cipher.keyRing().currentKeyId()));
}

void TestTokenCipher::rotation()
{
    KeyRing ring = KeyRing::generate();
    const QString oldKey = ring.currentKeyId();
    const QString sealedBefore = TokenCipher(ring).seal(kToken, kRow);
    const QString newKey = ring.addKey();
    QVERIFY(newKey != oldKey);
    const TokenCipher rotated(ring);
    const QString sealedAfter = rotated.seal(kToken, kRow);
    QCOMPARE(TokenCipher::keyIdOf(sealedAfter), newKey);
    QCOMPARE(rotated.open(sealedBefore, kRow).plaintext.value_or(QByteArray()), kToken);
    QCOMPARE(rotated.open(sealedAfter, kRow).plaintext.value_or(QByteArray()), kToken);
    // The current key cannot be dropped; the old one can, once re-sealed.
    QVERIFY(!ring.removeKey(newKey));
    QVERIFY(ring.removeKey(oldKey));
    QVERIFY(!ring.removeKey(oldKey));
    const TokenCipher retired(ring);
    QVERIFY(!retired.open(sealedBefore, kRow).plaintext);
    QCOMPARE(retired.open(sealedAfter, kRow).plaintext.value_or(QByteArray()), kToken);
}

void TestTokenCipher::keyFileRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    KeyRing ring = KeyRing::generate();
    ring.addKey();
    QString error;
    QVERIFY2(ring.save(path, &error), qPrintable(error));
#ifdef Q_OS_UNIX
    QCOMPARE(QFile::permissions(path) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
#endif
    const auto loaded = KeyRing::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->keyIds(), ring.keyIds());
    QCOMPARE(loaded->currentKeyId(), ring.currentKeyId());
    const QString sealed = TokenCipher(ring).seal(kToken, kRow);
    QCOMPARE(TokenCipher(*loaded).open(sealed, kRow).plaintext.value_or(QByteArray()), kToken);
}

void TestTokenCipher::keyFileRefusals_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("othersRead");
    QTest::addColumn<QString>("reason");
    const QByteArray key = QByteArray(32, 'k').toBase64();
    QTest::newRow("readable by others") << QByteArray("k1 " + key + '\n') << true << u"chmod 600"_s;
    QTest::newRow("empty") << QByteArray("# nothing\n\n") << false << u"no key"_s;
    QTest::newRow("short key") << QByteArray("k1 " + QByteArray(16, 'k').toBase64() + '\n') << false
                               << u"line 1"_s;
    QTest::newRow("not base64") << QByteArray("# keys\nk1 %%%%\n") << false << u"line 2"_s;
    QTest::newRow("three fields") << QByteArray("k1 " + key + " extra\n") << false << u"line 1"_s;
    QTest::newRow("bad id") << QByteArray("k/1 " + key + '\n') << false << u"line 1"_s;
    QTest::newRow("id twice") << QByteArray("k1 " + key + "\nk1 " + key + '\n') << false
                              << u"twice"_s;
}

void TestTokenCipher::keyFileRefusals()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, othersRead);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"keys"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QVERIFY(file.setPermissions(othersRead ? QFile::ReadOwner | QFile::WriteOwner |
                                                 QFile::ReadGroup | QFile::ReadOther
                                           : QFile::ReadOwner | QFile::WriteOwner));
    QString error;
    QVERIFY(!KeyRing::load(path, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(!error.contains(QString::fromLatin1(QByteArray(32, 'k').toBase64())),
             "the error quotes a key");
    QVERIFY(!KeyRing::load(dir.filePath(u"missing"_s), &error));
    QVERIFY(error.contains(u"missing"_s));
}

QTEST_GUILESS_MAIN(TestTokenCipher)
#include "tst_token_cipher.moc"
