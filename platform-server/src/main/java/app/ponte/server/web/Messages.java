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

    // Public pages: home, integration and connector pages

    @Message("Integrações em destaque")
    String home_integrations();

    @Message("{count} gatilhos, {#if actions == 1}1 ação{#else}{actions} ações{/if} e {templates} modelos prontos")
    String home_integration_summary(int count, int actions, int templates);

    @Message("Ver gatilhos e ações")
    String home_see_connector();

    @Message("Integre {first} com {second}")
    String integration_title(String first, String second);

    @Message("Desbloqueie os superpoderes da integração entre {first} + {second} e automatize suas tarefas sem precisar escrever uma única linha de código.")
    String integration_lead(String first, String second);

    @Message("{first} e {second} do seu jeito")
    String integration_your_way(String first, String second);

    @Message("Confira os gatilhos e ações disponíveis na integração das ferramentas {first} + {second} e construa sua automatização.")
    String integration_catalog_lead(String first, String second);

    @Message("Gatilho")
    String trigger_badge();

    @Message("Ação")
    String action_badge();

    @Message("{action} na {connector}")
    String action_in(String action, String connector);

    @Message("Obrigatório")
    String required();

    @Message("Gatilhos")
    String triggers();

    @Message("Ações")
    String actions();

    @Message("Campos disponíveis ({count})")
    String trigger_fields(int count);

    @Message("Campos da ação ({count})")
    String action_fields(int count);

    @Message("Não encontrou o seu caso de uso? Enviar sugestão.")
    String suggest_link();

    @Message("Automatize {first} e {second} com as integrações do Ponte")
    String templates_title(String first, String second);

    @Message("Explore os modelos de automatizações")
    String templates_lead();

    @Message("Usar este modelo")
    String use_template();

    @Message("Faltou alguma automatização entre essas ferramentas? Conta pra gente!")
    String templates_missing();

    @Message("Como fazer uma integração no Ponte?")
    String how_title();

    @Message("O Ponte permite que você integre duas ferramentas — ou mais! — de forma simples, prática e sem precisar digitar uma única linha de código. Veja os passos para automatizar suas tarefas e começar a focar no que realmente importa.")
    String how_lead();

    @Message("Crie sua conta e conecte {first} e {second}")
    String how_step1_title(String first, String second);

    @Message("Entre no Ponte e conecte cada ferramenta uma única vez: pelo login da própria ferramenta ou com a chave que ela fornece.")
    String how_step1_text();

    @Message("Escolha um modelo e ajuste os campos")
    String how_step2_title();

    @Message("Comece por um dos modelos e diga quais informações do gatilho vão para cada campo da ação.")
    String how_step2_text();

    @Message("Ative e acompanhe cada execução")
    String how_step3_title();

    @Message("Cada evento vira uma execução com histórico: você vê o que foi enviado e pode tentar de novo se algo falhar.")
    String how_step3_text();

    @Message("Integre {first} + {second} e dê adeus às tarefas manuais (e chatas)!")
    String outro_title(String first, String second);

    @Message("Conectando as ferramentas que você usa através do Ponte, é possível automatizar diversos processos da sua rotina e ter tempo para as tarefas que realmente importam.")
    String outro_text();

    @Message("{#when category}{#is 'sales_and_payments'}Vendas e infoprodutos{#is 'crm'}CRM{#else}{category}{/when}")
    String connector_category(String category);

    @Message("{#when type}{#is 'oauth2'}Conecta pelo login na própria ferramenta (OAuth).{#else}Conecta por webhook, verificado com a chave secreta da conta.{/when}")
    String connector_auth(String type);

    @Message("Integrações com {name}")
    String integrations_with(String name);

    @Message("Modelos com {name}")
    String templates_with(String name);

    @Message("Nenhum gatilho por enquanto.")
    String no_triggers();

    @Message("Nenhuma ação por enquanto.")
    String no_actions();

    // The public suggestion form

    @Message("Enviar sugestão")
    String suggest_title();

    @Message("Conte qual automatização você gostaria de ter no Ponte. Lemos cada sugestão.")
    String suggest_lead();

    @Message("Seu nome")
    String suggest_name();

    @Message("Seu e-mail")
    String suggest_email();

    @Message("Só para responder à sua sugestão.")
    String suggest_email_hint();

    @Message("Ferramentas envolvidas")
    String suggest_tools();

    @Message("Escolha da lista, digite outras, ou ambos.")
    String suggest_tools_hint();

    @Message("Outras ferramentas (separadas por vírgula)")
    String suggest_other_tools();

    @Message("O que você quer automatizar?")
    String suggest_use_case();

    @Message("Descreva o caso de uso, de {min} a {max} caracteres: o que acontece numa ferramenta e o que deveria acontecer na outra.")
    String suggest_use_case_hint(int min, int max);

    @Message("Não preencha este campo")
    String suggest_honeypot();

    @Message("Enviar sugestão")
    String suggest_submit();

    @Message("Corrija os campos indicados abaixo.")
    String suggest_invalid();

    @Message("O formulário expirou. Confira os dados e envie de novo.")
    String suggest_expired();

    @Message("Recebemos muitas sugestões deste endereço. Tente de novo mais tarde.")
    String suggest_rate_limited();

    @Message("{#when code}{#is 'required'}Informe o seu nome.{#is 'too_long'}Use no máximo 100 caracteres.{#else}Confira este campo.{/when}")
    String suggest_error_name(String code);

    @Message("{#when code}{#is 'required'}Informe o seu e-mail.{#is 'too_long'}Use no máximo 254 caracteres.{#is 'invalid'}Informe um e-mail válido, como nome@exemplo.com.br.{#else}Confira este campo.{/when}")
    String suggest_error_email(String code);

    @Message("{#when code}{#is 'required'}Escolha ou digite pelo menos uma ferramenta.{#is 'unknown'}Escolha ferramentas da lista ou digite o nome delas.{#is 'too_long'}Cada nome de ferramenta pode ter no máximo 60 caracteres.{#is 'too_many'}Indique no máximo 10 ferramentas.{#else}Confira este campo.{/when}")
    String suggest_error_tools(String code);

    @Message("{#when code}{#is 'required'}Descreva o que você quer automatizar.{#is 'too_short'}Conte um pouco mais: pelo menos 20 caracteres.{#is 'too_long'}Use no máximo 4000 caracteres.{#else}Confira este campo.{/when}")
    String suggest_error_use_case(String code);

    @Message("Obrigado pela sugestão!")
    String thanks_title();

    @Message("Vamos analisar o seu caso de uso. Se precisarmos de mais detalhes, respondemos no e-mail informado.")
    String thanks_text();

    @Message("Voltar ao início")
    String thanks_back();

    // Operators: triage of suggestions

    @Message("Sugestões")
    String admin_title();

    @Message("Casos de uso enviados pelo formulário público, os mais novos primeiro.")
    String admin_lead();

    @Message("Todas")
    String admin_all();

    @Message("{#when status}{#is 'NEW'}Nova{#is 'REVIEWING'}Em análise{#is 'PLANNED'}Planejada{#is 'DECLINED'}Recusada{#else}{status}{/when}")
    String admin_status(String status);

    @Message("Filtrar por situação")
    String admin_filter();

    @Message("Recebida em")
    String admin_received();

    @Message("Quem enviou")
    String admin_sender();

    @Message("Ferramentas")
    String admin_tools();

    @Message("Caso de uso")
    String admin_use_case();

    @Message("Situação")
    String admin_status_label();

    @Message("Alterar")
    String admin_change();

    @Message("Nenhuma sugestão.")
    String admin_empty();

    @Message("Mais novas")
    String admin_newer();

    @Message("Mais antigas")
    String admin_older();

    @Message("Idioma da página: {language}")
    String admin_language(String language);

    @Message("{#when status}{#is 403}Sem permissão{#is 404}Página não encontrada{#else}Algo deu errado{/when}")
    String error_title(int status);

    @Message("{#when status}{#is 403}Esta página não está disponível para a sua conta. Se acha que deveria estar, fale com quem administra o seu espaço de trabalho.{#is 404}O endereço pode estar errado ou a página não existe mais.{#else}Foi um erro do nosso lado, não seu. Tente de novo em alguns instantes.{/when}")
    String error_text(int status);

    @Message("Se o erro continuar, informe ao suporte a referência {reference}.")
    String error_reference(String reference);

    @Message("Ir para o início")
    String error_home();
}
