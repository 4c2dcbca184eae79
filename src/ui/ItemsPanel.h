#pragma once

#include "items/ItemRefresher.h"
#include "items/ItemService.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QTableView;

namespace Ui {
class ItemsPanel;
}

namespace weft::vault {
class ItemStore;
struct ItemRecord;
} // namespace weft::vault

namespace weft::items {
class ItemsModel;
}

namespace weft::ui {

class ItemDetailsView;
class ItemsFilterModel;

// The Items for support staff: a sortable, filterable table of every Item in the index (status
// badge, token state, environment, last refresh), the selected Item's details, and the actions
// Refresh, Refresh all, Fix connection, Retry saving, Remove and Copy diagnostics. It reads
// only the index to paint (never the keychain) and has no widget per row, so it stays quick
// with tens of thousands of Items. Without a session (no service) the list stays readable.
class ItemsPanel : public QWidget
{
    Q_OBJECT

public:
    // Asks a yes/no question (title, text); true means go ahead. Injectable for tests.
    using Confirmation = std::function<bool(const QString &title, const QString &text)>;

    explicit ItemsPanel(vault::ItemStore *store, QWidget *parent = nullptr);
    ~ItemsPanel() override;

    // The current session's service and refresher, or nullptr for none. Call with nullptr
    // before they are destroyed.
    void setServices(items::ItemService *service, items::ItemRefresher *refresher);
    items::ItemService *service() const { return m_service; }
    // Whether Fix connection can open Link now (the session has Link).
    void setFixConnectionAvailable(bool available);
    void setConfirmation(Confirmation confirmation);

    QTableView *tableView() const;
    ItemsFilterModel *filterModel() const { return m_proxy; }
    items::ItemsModel *itemsModel() const { return m_model; }
    ItemDetailsView *details() const;
    QAction *refreshAction() const { return m_refresh; }
    QAction *refreshAllAction() const { return m_refreshAll; }
    QAction *fixAction() const { return m_fix; }
    QAction *chooseAccountsAction() const { return m_chooseAccounts; }
    QAction *retrySaveAction() const { return m_retrySave; }
    QAction *removeAction() const { return m_remove; }
    QAction *copyDiagnosticsAction() const { return m_copyDiagnostics; }
    QAction *simulateLoginRequiredAction() const { return m_simulateLogin; }
    QAction *findAction() const { return m_find; }
    // Every action on Items, in menu order (nullptr: a separator), for the window's Item menu.
    QList<QAction *> menuActions() const;

    void setFilterText(const QString &text);
    QString currentItemId() const;
    QStringList selectedItemIds() const;
    // Makes the Item current and selected (clearing the filter if it hides it).
    bool selectItem(const QString &itemId);
    QString message() const;

public slots:
    void refreshSelected();
    void refreshAll();
    void cancelRefresh();
    void fixConnection();
    void chooseAccounts();
    void retrySaving();
    void removeSelected();
    void copyDiagnostics();
    void copyItemId();
    void simulateLoginRequired();
    void showMessage(const QString &text, bool error = false);
    void clearMessage() { showMessage({}); }
    // Support staff see everything: the details pane, the token and environment columns.
    // People who connect their banks see the list and what they can do.
    void setSupportView(bool on);
    bool isSupportView() const { return m_supportView; }
    // What Copy diagnostics adds about Weft itself (versions, system, backend).
    void setDiagnosticsContext(const QJsonObject &context) { m_diagnosticsContext = context; }
    // Clears a message about something under way ("Opening Link to fix…") once it is over.
    void clearTransientMessage();

signals:
    // Fix connection: the owner opens Link in update mode for the Item.
    void fixConnectionRequested(const QString &itemId);
    // Choose shared accounts: the owner opens Link in update mode with account selection.
    void chooseAccountsRequested(const QString &itemId);

private:
    const vault::ItemRecord *currentRecord() const;
    bool isCurrentEnvironment(const vault::ItemRecord *record) const;
    QString institutionOf(const QString &itemId) const;
    QString tokenText(const vault::ItemRecord &record) const;
    void createActions();
    void focusFilter();
    void updateDetails();
    void updateActions();
    void updateCount();
    void onStoreRowChanged(int row);

    std::unique_ptr<Ui::ItemsPanel> m_ui;
    vault::ItemStore *m_store;
    items::ItemsModel *m_model = nullptr;
    ItemsFilterModel *m_proxy;
    QPointer<items::ItemService> m_service;
    QPointer<items::ItemRefresher> m_refresher;
    bool m_fixAvailable = false;
    Confirmation m_confirm;
    QHash<QString, QString> m_removedNames; // item_id -> bank, for the message after removing
    QAction *m_refresh = nullptr;
    QAction *m_refreshAll = nullptr;
    QAction *m_fix = nullptr;
    QAction *m_chooseAccounts = nullptr;
    QAction *m_retrySave = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_copyDiagnostics = nullptr;
    QAction *m_copyItemId = nullptr;
    QAction *m_simulateLogin = nullptr;
    QAction *m_find = nullptr;
    bool m_messageIsTransient = false;
    bool m_supportView = true;
    QJsonObject m_diagnosticsContext;
};

} // namespace weft::ui
