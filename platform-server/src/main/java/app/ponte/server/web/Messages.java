package app.ponte.server.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * UI texts, pt-BR first. English lives in {@code messages/msg_en.properties} (module web-ui).
 * Templates use them as {@code {msg:home_title}}; a missing key fails the build.
 */
@MessageBundle(value = "msg", locale = "pt-BR")
public interface Messages {

    @Message("pt-BR")
    String html_lang();

    @Message("Ponte — integrações sem código")
    String site_title();

    @Message("Entrar")
    String sign_in();

    @Message("Sair")
    String sign_out();

    @Message("Integre suas ferramentas sem escrever código")
    String home_title();

    @Message("Cada venda aprovada na Hotmart vira um lead na Kommo: rápido, uma única vez, na ordem certa e com histórico de cada execução.")
    String home_lead();

    @Message("Começar agora")
    String home_cta();

    @Message("Conectores disponíveis")
    String home_connectors();

    @Message("Autenticação: {auth}")
    String home_connector_auth(String auth);

    @Message("Olá, {name}!")
    String app_greeting(String name);

    @Message("Você entrou como {email}.")
    String app_signed_in_as(String email);

    @Message("Espaço de trabalho")
    String app_workspace();

    @Message("Papel")
    String app_role();

    @Message("Fuso horário")
    String app_time_zone();

    @Message("Próximos passos")
    String app_next_steps();

    @Message("Conectar a Hotmart")
    String app_step_hotmart();

    @Message("Conectar a Kommo")
    String app_step_kommo();

    @Message("Escolher um modelo de automação")
    String app_step_template();

    @Message("{#when role}{#is 'OWNER'}Proprietário{#is 'ADMIN'}Administrador{#else}Membro{/when}")
    String role_name(String role);

    @Message("Idioma")
    String language();

    @Message("Voltar ao Ponte")
    String back_to_app();

    @Message("Não foi possível conectar {name}")
    String connect_failed_title(String name);

    @Message("Desconectar")
    String disconnect();

    @Message("Conexões")
    String app_connections();

    @Message("Nenhuma conexão ainda.")
    String app_no_connections();

    @Message("Conectar {name}")
    String app_connect(String name);

    @Message("{#when status}{#is 'OK'}Conectada{#is 'NEEDS_RECONNECT'}Precisa reconectar{#else}Desconectada{/when}")
    String connection_status(String status);
}
