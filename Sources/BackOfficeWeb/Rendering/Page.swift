import BackOffice

/// What every template gets: the language's strings as `t`, the layout's header, the page's
/// title, and the page's own view as `view`.
struct Page {
    let t: [String: String]
    let lang: String
    let title: String
    let layout: LayoutView
    let view: Any

    init(title: String, view: Any, layout: LayoutView, catalogue: Catalogue) {
        t = catalogue.strings
        lang = catalogue.language.rawValue
        self.title = title
        self.layout = layout
        self.view = view
    }
}
