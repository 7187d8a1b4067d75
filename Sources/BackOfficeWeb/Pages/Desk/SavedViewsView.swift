import BackOffice
import Foundation

/// The saved views page's view: each view with its link, and for its owner the forms that
/// rename and delete it; a refused save shown again with what was typed.
struct SavedViewsView {
    /// What a refused form leaves to show.
    struct State {
        var notice: String?
        var fieldErrors: [String: String] = [:]
        /// A save that was refused: the name, the filters and whether to share.
        var unsaved: (name: String, filters: QueueFilters, shared: Bool)?
        /// A rename that was refused: which view and the name typed.
        var renaming: (id: UUID, name: String)?
    }

    struct Row {
        let id: String
        let name: String
        let href: String
        let owner: String
        let shared: Bool
        let own: Bool
        /// The name in the rename field: as typed, when the rename was refused.
        let nameTyped: String
        let renameError: String?
    }

    struct Unsaved {
        let name: String
        let filters: [SavedViewsPanel.Hidden]
        let shared: Bool
        let nameError: String?
    }

    let rows: [Row]
    let hasRows: Bool
    let notice: String?
    let unsaved: Unsaved?
    let mayShare: Bool

    init(views: [SavedView], of principal: Principal, state: State, catalogue: Catalogue) {
        rows = views.map { view in
            let renaming = state.renaming?.id == view.id
            return Row(
                id: view.id.uuidString.lowercased(), name: view.name, href: QueueParameters(view.filters).href(),
                owner: view.ownerEmail, shared: view.shared, own: view.ownerID == principal.personID,
                nameTyped: renaming ? state.renaming!.name : view.name, renameError: renaming ? state.fieldErrors["name"] : nil)
        }
        hasRows = !rows.isEmpty
        notice = state.notice
        unsaved = state.unsaved.map {
            Unsaved(name: $0.name, filters: SavedViewsPanel.hidden($0.filters), shared: $0.shared,
                    nameError: state.fieldErrors["name"] ?? state.fieldErrors.first { $0.key.hasPrefix("filters") }?.value)
        }
        mayShare = principal.countyRoles.contains(.countyAdmin)
    }
}
