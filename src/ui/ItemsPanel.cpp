#include "ui/ItemsPanel.h"

#include "items/ItemRefresher.h"
#include "items/ItemService.h"
#include "items/ItemsModel.h"
#include "ui/Dismissible.h"
#include "ui/ItemDetailsView.h"
#include "ui/ItemsFilterModel.h"
#include "ui/ItemsTableView.h"
#include "ui/RefreshBar.h"
#include "ui/Tones.h"
#include "ui_ItemsPanel.h"
#include "vault/ItemStore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>

namespace weft::ui {

using items::ItemsModel;

ItemsPanel::ItemsPanel(vault::ItemStore *store, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ItemsPanel>())
    , m_store(store)
    , m_proxy(new ItemsFilterModel(store, this))
    , m_confirm([this](const QString &title, const QString &text) {
        // The button says what it does; Cancel is the default, so Enter removes nothing.
        QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
        QPushButton *remove = box.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == remove;
    })
{
    m_ui->setupUi(this);
    m_model = new ItemsModel(store, nullptr, this);
    m_proxy->setSourceModel(m_model);

    ItemsTableView *table = m_ui->table;
    table->setModel(m_proxy);
    table->setAccessibleName(tr("Bank connections"));
    m_ui->filterEdit->setAccessibleName(tr("Filter bank connections"));
    m_ui->messageLabel->setAccessibleName(tr("Message"));
    makeDismissible(m_ui->messageLabel);
    m_ui->splitter->setSizes({650, 350}); // in proportion
    m_ui->panelLayout->setStretchFactor(m_ui->splitter, 1);

    createActions();
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, &ItemsPanel::setFilterText);
    connect(m_ui->progressBox, &RefreshBar::finished, this, &ItemsPanel::showMessage);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ItemsPanel::updateActions);
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ItemsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ItemsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ItemsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ItemsPanel::updateCount);
    // The proxy drops a row while the source still has it (on "about to be removed"): the
    // total is counted again once the store has really removed it.
    connect(store, &vault::ItemStore::itemRemoved, this, &ItemsPanel::updateCount);
    connect(store, &vault::ItemStore::itemChanged, this, &ItemsPanel::onStoreRowChanged);
    for (auto signal : {&vault::ItemStore::itemAdded, &vault::ItemStore::itemRemoved}) {
        connect(store, signal, this, [this] {
            if (!m_ui->details->itemId().isEmpty() && !m_store->item(m_ui->details->itemId()))
                updateDetails();
            updateActions();
        });
    }
    connect(store, &vault::ItemStore::itemsReset, this, [this] {
        updateDetails();
        updateActions();
    });
    updateCount();
    updateDetails();
    updateActions();
}

ItemsPanel::~ItemsPanel() = default;

QTableView *ItemsPanel::tableView() const
{
    return m_ui->table;
}

ItemDetailsView *ItemsPanel::details() const
{
    return m_ui->details;
}

void ItemsPanel::createActions()
{
    const auto make = [this](const QString &text, const QString &tip, void (ItemsPanel::*slot)()) {
        auto *action = new QAction(text, this);
        action->setToolTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_refresh = make(tr("&Refresh"), tr("Ask Plaid for the selected Items' status and accounts"),
                     &ItemsPanel::refreshSelected);
    m_refreshAll = make(tr("Refresh &all"), tr("Refresh every Item of the current environment"),
                        &ItemsPanel::refreshAll);
    m_fix = make(tr("&Fix connection…"), tr("Open Link in update mode to repair the connection"),
                 &ItemsPanel::fixConnection);
    m_chooseAccounts = make(tr("&Choose shared accounts…"),
                            tr("Open Link to choose which of the bank's accounts Weft may see, "
                               "new ones among them"),
                            &ItemsPanel::chooseAccounts);
    m_retrySave = make(tr("Retry &saving"), tr("Save the access token to the keychain again"),
                       &ItemsPanel::retrySaving);
    m_remove = make(tr("Re&move…"), tr("Remove the Item at Plaid, from the keychain and from Weft"),
                    &ItemsPanel::removeSelected);
    m_copyDiagnostics = make(tr("Copy &diagnostics"),
                             tr("Copy the Item's ids, statuses and events as JSON (no token)"),
                             &ItemsPanel::copyDiagnostics);
    m_copyItemId =
        make(tr("Copy &item_id"), tr("Copy the Item's item_id"), &ItemsPanel::copyItemId);
    m_simulateLogin = make(tr("Simulate &login required (sandbox)"),
                           tr("Sandbox only: make Plaid's sandbox ask for the login again "
                              "(/sandbox/item/reset_login), to try Fix connection"),
                           &ItemsPanel::simulateLoginRequired);
    m_find = make(tr("Fi&nd…"), tr("Filter the list by bank, item_id or status"),
                  &ItemsPanel::focusFilter);
    // Shortcuts for every action; the window's Item menu shows them.
    m_refresh->setShortcuts(QKeySequence::Refresh);
    m_refreshAll->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_fix->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_chooseAccounts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_retrySave->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_remove->setShortcut(QKeySequence::Delete);
    m_copyDiagnostics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyItemId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_find->setShortcuts(QKeySequence::Find);
    // Until the window puts them in its menu bar, the panel itself answers them.
    const QList<QAction *> all = menuActions();
    for (QAction *action : all) {
        if (action) {
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
        }
    }
    m_ui->refreshButton->setDefaultAction(m_refresh);
    m_ui->refreshAllButton->setDefaultAction(m_refreshAll);
    m_ui->fixButton->setDefaultAction(m_fix);
    m_ui->retrySaveButton->setDefaultAction(m_retrySave);
    m_ui->removeButton->setDefaultAction(m_remove);
    m_ui->copyDiagnosticsButton->setDefaultAction(m_copyDiagnostics);
    m_ui->table->setContextActions({m_refresh, m_refreshAll, m_fix, m_chooseAccounts, m_retrySave,
                                    m_remove, nullptr, m_copyDiagnostics, m_copyItemId, nullptr,
                                    m_simulateLogin});
}

QList<QAction *> ItemsPanel::menuActions() const
{
    return {m_refresh,      m_refreshAll, m_fix,   m_chooseAccounts,
            m_retrySave,    m_remove,     nullptr, m_copyDiagnostics,
            m_copyItemId,   nullptr,      m_find,  nullptr,
            m_simulateLogin};
}

void ItemsPanel::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void ItemsPanel::setServices(items::ItemService *service, items::ItemRefresher *refresher)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_refresher = refresher;
    m_removedNames.clear();
    m_ui->progressBox->setRefresher(refresher);

    // A model per service: the model follows its service's token signals from construction.
    const QString current = currentItemId();
    items::ItemsModel *old = m_model;
    m_model = new ItemsModel(m_store, service, this);
    m_proxy->setSourceModel(m_model);
    delete old;
    if (!current.isEmpty())
        selectItem(current);

    if (service) {
        const auto tokenChanged = [this](const QString &itemId) {
            if (itemId == m_ui->details->itemId()) {
                updateDetails();
                updateActions();
            }
        };
        connect(service, &items::ItemService::tokenSaved, this, tokenChanged);
        connect(service, &items::ItemService::tokenMissing, this, tokenChanged);
        connect(service, &items::ItemService::tokenSaveFailed, this,
                [this, tokenChanged](const QString &itemId, const QString &reason) {
                    tokenChanged(itemId);
                    showMessage(tr("The connection to %1 is not saved in the keychain: %2")
                                    .arg(institutionOf(itemId), reason),
                                true);
                });
        connect(service, &items::ItemService::itemRemoved, this, [this](const QString &itemId) {
            const QString name = m_removedNames.take(itemId);
            showMessage(tr("%1 was removed.").arg(name.isEmpty() ? tr("The connection") : name));
        });
        connect(service, &items::ItemService::removeFailed, this,
                [this](const QString &itemId, const QString &stage, const QString &reason) {
                    const QString name = m_removedNames.take(itemId);
                    showMessage(
                        tr("%1 was not removed: the %2 step failed. %3 It is still "
                           "listed; you can try again.")
                            .arg(name.isEmpty() ? institutionOf(itemId) : name, stage, reason),
                        true);
                    updateActions();
                });
        connect(service, &items::ItemService::loginReset, this, [this](const QString &itemId) {
            showMessage(tr("The sandbox now asks for the login of %1 again; refreshing it.")
                            .arg(institutionOf(itemId)));
            if (m_refresher)
                m_refresher->refresh({itemId});
        });
        connect(
            service, &items::ItemService::loginResetFailed, this,
            [this](const QString &itemId, const QString &reason) {
                showMessage(
                    tr("The login of %1 could not be reset: %2").arg(institutionOf(itemId), reason),
                    true);
            });
    }
    updateDetails();
    updateActions();
}

void ItemsPanel::setFixConnectionAvailable(bool available)
{
    m_fixAvailable = available;
    updateActions();
}

void ItemsPanel::setConfirmation(Confirmation confirmation)
{
    m_confirm = std::move(confirmation);
}

void ItemsPanel::setFilterText(const QString &text)
{
    if (m_ui->filterEdit->text() != text)
        m_ui->filterEdit->setText(text); // comes back here through textChanged
    m_proxy->setFilterText(text);
    updateCount();
}

QString ItemsPanel::currentItemId() const
{
    return m_ui->table->currentIndex().data(ItemsModel::ItemIdRole).toString();
}

QStringList ItemsPanel::selectedItemIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_ui->table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(row.data(ItemsModel::ItemIdRole).toString());
    return ids;
}

bool ItemsPanel::selectItem(const QString &itemId)
{
    const int sourceRow = m_model->rowOf(itemId);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        setFilterText(QString());
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_ui->table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_ui->table->scrollTo(index);
    return true;
}

QString ItemsPanel::message() const
{
    return m_ui->messageLabel->text();
}

void ItemsPanel::setSupportView(bool on)
{
    m_supportView = on;
    m_ui->details->setVisible(on);
    m_ui->table->setColumnHidden(ItemsModel::Token, !on);
    m_ui->table->setColumnHidden(ItemsModel::Environment, !on);
}

void ItemsPanel::clearTransientMessage()
{
    if (m_messageIsTransient)
        showMessage({});
}

void ItemsPanel::showMessage(const QString &text, bool error)
{
    m_messageIsTransient = false;
    m_ui->messageLabel->setText(text);
    tones::apply(m_ui->messageLabel, error ? Tone::Problem : Tone::Neutral);
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

const vault::ItemRecord *ItemsPanel::currentRecord() const
{
    const QString id = currentItemId();
    return id.isEmpty() ? nullptr : m_store->item(id);
}

bool ItemsPanel::isCurrentEnvironment(const vault::ItemRecord *record) const
{
    return record && m_service && m_service->belongsHere(*record);
}

QString ItemsPanel::institutionOf(const QString &itemId) const
{
    const vault::ItemRecord *record = m_store->item(itemId);
    return record ? items::ItemService::displayName(*record) : tr("The Item");
}

QString ItemsPanel::tokenText(const vault::ItemRecord &record) const
{
    if (!m_service)
        return record.tokenSaved ? tr("Saved in the keychain (as far as the index knows)")
                                 : tr("Not saved in the keychain");
    return m_service->tokenSummary(record);
}

void ItemsPanel::updateDetails()
{
    const vault::ItemRecord *record = currentRecord();
    if (!record) {
        m_ui->details->clear();
        return;
    }
    const bool foreign = m_service && !m_service->belongsHere(*record);
    m_ui->details->showItem(*record, tokenText(*record), foreign);
}

void ItemsPanel::updateActions()
{
    const vault::ItemRecord *record = currentRecord();
    const items::ItemActions actions =
        record && m_service ? m_service->actionsFor(record->itemId) : items::ItemActions();
    m_refresh->setEnabled(m_refresher && actions.refresh);
    m_refreshAll->setEnabled(m_refresher && !m_store->items().isEmpty());
    m_fix->setEnabled(m_fixAvailable && actions.fixConnection);
    m_chooseAccounts->setEnabled(m_fixAvailable && actions.chooseAccounts);
    m_retrySave->setEnabled(actions.retrySave);
    m_remove->setEnabled(actions.remove);
    m_copyDiagnostics->setEnabled(record && m_service);
    m_copyItemId->setEnabled(record != nullptr);
    m_simulateLogin->setEnabled(actions.simulateLoginRequired);
}

void ItemsPanel::simulateLoginRequired()
{
    const QString itemId = currentItemId();
    if (m_service && !itemId.isEmpty())
        m_service->simulateLoginRequired(itemId);
}

void ItemsPanel::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QString items = tr("%n bank connection(s)", nullptr, total);
    m_ui->countLabel->setText(shown == total ? items : tr("%1 of %2 shown").arg(shown).arg(items));
}

void ItemsPanel::onStoreRowChanged(int row)
{
    const QList<vault::ItemRecord> &items = m_store->items();
    if (row >= 0 && row < items.size() && items.at(row).itemId == m_ui->details->itemId()) {
        updateDetails();
        updateActions();
    }
}

void ItemsPanel::refreshSelected()
{
    if (!m_refresher || !m_service)
        return;
    QStringList ids;
    for (const QString &id : selectedItemIds()) {
        if (m_service->actionsFor(id).refresh)
            ids.append(id);
    }
    if (ids.isEmpty()) {
        showMessage(tr("Select Items of the current environment to refresh them."));
        return;
    }
    m_refresher->refresh(ids);
}

void ItemsPanel::refreshAll()
{
    if (!m_refresher || !m_service)
        return;
    const QStringList ids = m_service->itemsHere();
    if (ids.isEmpty()) {
        showMessage(
            tr("No Item belongs to the current environment (%1).").arg(m_service->environment()));
        return;
    }
    m_refresher->refresh(ids);
}

void ItemsPanel::cancelRefresh()
{
    if (m_refresher)
        m_refresher->cancel();
}

void ItemsPanel::fixConnection()
{
    const vault::ItemRecord *record = currentRecord();
    if (!record || !m_service || !m_fixAvailable ||
        !m_service->actionsFor(record->itemId).fixConnection)
        return;
    showMessage(tr("Opening Link to fix %1…").arg(institutionOf(record->itemId)));
    m_messageIsTransient = true;
    emit fixConnectionRequested(record->itemId);
}

void ItemsPanel::chooseAccounts()
{
    const vault::ItemRecord *record = currentRecord();
    if (!record || !m_service || !m_fixAvailable ||
        !m_service->actionsFor(record->itemId).chooseAccounts)
        return;
    showMessage(tr("Opening Link to choose accounts at %1…").arg(institutionOf(record->itemId)));
    m_messageIsTransient = true;
    emit chooseAccountsRequested(record->itemId);
}

void ItemsPanel::retrySaving()
{
    const vault::ItemRecord *record = currentRecord();
    if (!record || !m_service || !m_service->actionsFor(record->itemId).retrySave)
        return;
    showMessage(tr("Saving the access token of %1 again…").arg(institutionOf(record->itemId)));
    m_service->retrySave(record->itemId);
}

void ItemsPanel::removeSelected()
{
    const vault::ItemRecord *record = currentRecord();
    if (!record || !m_service || !m_service->actionsFor(record->itemId).remove)
        return;
    const QString itemId = record->itemId;
    const QString name = institutionOf(itemId);
    const QString text =
        tr("Remove %1?\n\nWeft asks Plaid to end this connection, deletes its key from the "
           "keychain and forgets it. This cannot be undone; to use this bank again, connect it "
           "anew.")
            .arg(name);
    if (!m_confirm || !m_confirm(tr("Remove %1").arg(name), text))
        return;
    if (!m_service || !m_service->actionsFor(itemId).remove) // things may have changed meanwhile
        return;
    m_removedNames.insert(itemId, name);
    showMessage(tr("Removing %1…").arg(name));
    m_service->removeItem(itemId);
    updateActions();
}

void ItemsPanel::copyDiagnostics()
{
    const vault::ItemRecord *record = currentRecord();
    if (!record || !m_service)
        return;
    QJsonObject diagnostics = m_service->diagnostics(record->itemId);
    if (!m_diagnosticsContext.isEmpty())
        diagnostics.insert(QStringLiteral("weft"), m_diagnosticsContext);
    const QJsonDocument json(diagnostics);
    QApplication::clipboard()->setText(QString::fromUtf8(json.toJson()));
    showMessage(
        tr("The diagnostics of %1 are on the clipboard.").arg(institutionOf(record->itemId)));
}

void ItemsPanel::copyItemId()
{
    const QString id = currentItemId();
    if (!id.isEmpty())
        QApplication::clipboard()->setText(id);
}

} // namespace weft::ui
