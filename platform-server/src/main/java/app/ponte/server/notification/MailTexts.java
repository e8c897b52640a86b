package app.ponte.server.notification;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the notification e-mails, pt-BR first; English in {@code messages/mail_en.properties}.
 * The templates under {@code templates/NotificationMails/} use them as {@code {mail:key}}. No text
 * names a buyer or carries a payload: only workspace, automation and connection names.
 */
@MessageBundle(value = "mail", locale = "pt-BR")
public interface MailTexts {

    @Message("{inviter} convidou você para o espaço “{workspace}” no Ponte")
    String invitation_subject(String inviter, String workspace);

    @Message("{inviter} convidou você para participar do espaço “{workspace}” no Ponte como {role}.")
    String invitation_intro(String inviter, String workspace, String role);

    @Message("Para aceitar, abra o link abaixo e entre com este e-mail. O link vale até {expires} e só pode ser usado uma vez:")
    String invitation_accept(String expires);

    @Message("Se você não esperava este convite, ignore este e-mail.")
    String invitation_ignore();

    @Message("Automação “{automation}” falhou")
    String run_failed_subject(String automation);

    @Message("Uma execução da automação “{automation}” no espaço “{workspace}” falhou de forma definitiva: ela não será tentada de novo sozinha.")
    String run_failed_intro(String automation, String workspace);

    @Message("Veja o erro no histórico de execuções; depois de corrigir, você pode executar de novo as que falharam:")
    String run_failed_history();

    @Message("A conexão “{connection}” precisa ser reconectada")
    String reconnect_subject(String connection);

    @Message("A conexão “{connection}” do espaço “{workspace}” perdeu o acesso (autorização revogada ou expirada). As execuções que dependem dela estão aguardando e continuam assim que você reconectar.")
    String reconnect_intro(String connection, String workspace);

    @Message("Reconecte em:")
    String reconnect_where();

    @Message("A Hotmart está enviando notificações recusadas para “{connection}”")
    String hottok_subject(String connection);

    @Message("Várias notificações da Hotmart para a conexão “{connection}” do espaço “{workspace}” foram recusadas na última hora porque o hottok não confere. Nenhuma delas gerou execução.")
    String hottok_intro(String connection, String workspace);

    @Message("Confira se o hottok salvo na conexão é o mesmo da sua conta Hotmart. A Hotmart desativa webhooks que falham repetidamente.")
    String hottok_fix();

    @Message("Resumo diário de alertas do Ponte")
    String digest_subject();

    @Message("Desde o último resumo, estes alertas não foram enviados um a um (no máximo um e-mail por automação ou conexão por hora):")
    String digest_intro();

    @Message("{count}× falha definitiva na automação “{name}” ({workspace})")
    String digest_run_failed(long count, String name, String workspace);

    @Message("{count}× a conexão “{name}” precisa ser reconectada ({workspace})")
    String digest_reconnect(long count, String name, String workspace);

    @Message("{count}× notificações da Hotmart recusadas em “{name}” ({workspace})")
    String digest_hottok(long count, String name, String workspace);

    @Message("Você recebe este e-mail por ser proprietário ou administrador do espaço. Para não receber mais alertas ou recebê-los em outro idioma, mude suas preferências:")
    String footer_opt_out();

    @Message("proprietário")
    String role_owner();

    @Message("administrador")
    String role_admin();

    @Message("membro")
    String role_member();
}
