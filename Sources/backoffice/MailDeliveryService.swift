import BackOffice
import Logging
import ServiceLifecycle

/// The outbox's delivery inside `backoffice serve`: every `interval` the training reminders
/// that are due are written (`mail remind`), then the mails that are due go to sendmail
/// (`mail deliver`); ends with the server's graceful shutdown.
struct MailDeliveryService: Service {
    let training: TrainingService
    let delivery: MailDelivery
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let reminded = try await training.queueDueReminders()
                    if reminded > 0 { logger.info("training reminders written to the outbox", metadata: ["mails": "\(reminded)"]) }
                    let handled = try await delivery.deliverDue()
                    if handled > 0 { logger.info("mail handed to sendmail", metadata: ["mails": "\(handled)"]) }
                } catch {
                    logger.error("mail delivery failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
