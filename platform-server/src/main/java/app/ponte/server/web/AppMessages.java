package app.ponte.server.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the signed-in pages (workspace, connections, automations, runs, members), pt-BR first.
 * English lives in {@code messages/app_en.properties} (module web-ui). Templates use them as
 * {@code {app:nav_runs}}; a key missing in a template or in either language fails the build.
 */
@MessageBundle(value = "app", locale = "pt-BR")
public interface AppMessages {

    @Message("Ponte")
    String app_title();

    @Message("Início")
    String nav_home();

    @Message("Conexões")
    String nav_connections();

    @Message("Automações")
    String nav_automations();

    @Message("Execuções")
    String nav_runs();

    @Message("Membros")
    String nav_members();

    @Message("Preferências")
    String nav_preferences();

    @Message("Suas preferências valem em todos os espaços de trabalho de {account}.")
    String preferences_lead(String account);

    @Message("Receber alertas por e-mail")
    String failure_emails_label();

    @Message("Automações que falharam de forma definitiva, conexões que precisam ser reconectadas e notificações da Hotmart recusadas nos espaços em que você é proprietário ou administrador. No máximo um e-mail por automação ou conexão por hora; o restante vai no resumo diário.")
    String failure_emails_hint();

    @Message("Idioma dos e-mails")
    String email_language_label();

    @Message("Os alertas e o resumo diário são escritos neste idioma.")
    String email_language_hint();

    @Message("Escolha português (Brasil) ou inglês.")
    String email_language_invalid();

    @Message("{#when language}{#is 'en'}English (inglês){#else}Português (Brasil){/when}")
    String language_name(String language);

    @Message("Preferências salvas.")
    String preferences_saved();

    @Message("Espaço de trabalho")
    String workspace_label();

    @Message("Trocar")
    String workspace_switch();

    @Message("{name} conectada.")
    String connected_notice(String name);

    @Message("Primeiros passos")
    String onboarding_title();

    @Message("Três passos e a sua primeira venda na Hotmart vira um lead na Kommo.")
    String onboarding_lead();

    @Message("feito")
    String onboarding_done();

    @Message("Só proprietários e administradores conectam contas e criam automações neste espaço.")
    String onboarding_member();

    @Message("Tudo pronto")
    String ready_title();

    @Message("Suas automações estão rodando. Acompanhe cada execução no histórico.")
    String ready_active();

    @Message("Falta só ativar uma automação.")
    String ready_inactive();

    @Message("Reconectar")
    String reconnect();

    @Message("Conectar Hotmart")
    String connect_hotmart();

    @Message("Conexão")
    String connection();

    @Message("Conector")
    String connector();

    @Message("Situação")
    String status();

    @Message("Último evento")
    String last_event();

    @Message("Ações")
    String actions();

    @Message("Só proprietários e administradores conectam e desconectam contas.")
    String members_cannot_connect();

    @Message("Informe o hottok da sua conta Hotmart. Em seguida mostramos a URL do webhook para colar na Hotmart.")
    String hotmart_lead();

    @Message("Hottok")
    String hottok_label();

    @Message("Na Hotmart: Ferramentas → Webhook (API e notificações) → o código \"hottok\" da sua conta. Ele é guardado criptografado e nunca é mostrado de novo.")
    String hottok_hint();

    @Message("Nome (opcional)")
    String connection_name_label();

    @Message("Para distinguir várias contas Hotmart, p. ex. \"Loja principal\".")
    String connection_name_hint();

    @Message("Conectar")
    String connect();

    @Message("Hotmart conectada. Agora cole a URL abaixo na Hotmart.")
    String hotmart_created();

    @Message("Conectada em")
    String connected_since();

    @Message("Esta conexão precisa ser reconectada: a conta recusou as credenciais. As execuções que dependem dela aguardam e continuam sozinhas depois que você reconectar.")
    String needs_reconnect_explained();

    @Message("URL do webhook")
    String webhook_title();

    @Message("Copiar")
    String copy();

    @Message("Copiado!")
    String copied();

    @Message("Trate esta URL como uma senha: quem a tiver pode enviar eventos em nome da sua conta.")
    String webhook_secret_hint();

    @Message("Aguardando o primeiro evento…")
    String waiting_first_event();

    @Message("Evento recebido — o último em {when}.")
    String last_event_received(String when);

    @Message("Voltar às conexões")
    String back_to_connections();

    @Message("{#when problem}{#is 'last_owner'}O espaço precisa de pelo menos um proprietário: torne outra pessoa proprietária antes.{#is 'forbidden'}Você não tem permissão para isso (só proprietários alteram ou removem proprietários).{#is 'already_accepted'}Este convite já foi aceito.{#is 'email'}Informe um e-mail válido, ou deixe em branco para um convite a quem tiver o link.{#is 'role'}Escolha um papel: proprietário, administrador ou membro.{#else}Não encontrado.{/when}")
    String member_problem(String problem);

    @Message("Convite criado")
    String invitation_created();

    @Message("Copie o link e envie à pessoa. Ele vale por 7 dias, uma única vez, e não será mostrado de novo.")
    String invitation_link_hint();

    @Message("Link do convite")
    String invitation_link();

    @Message("Nome")
    String member_name();

    @Message("E-mail")
    String member_email();

    @Message("Desde")
    String member_since();

    @Message("você")
    String you();

    @Message("Alterar")
    String change_role();

    @Message("Sair deste espaço")
    String leave_workspace();

    @Message("Remover")
    String remove_member();

    @Message("Convidar alguém")
    String invite_title();

    @Message("E-mail (opcional)")
    String invite_email();

    @Message("Com e-mail, só essa pessoa pode aceitar; sem, qualquer pessoa com o link.")
    String invite_email_hint();

    @Message("Criar link de convite")
    String invite_button();

    @Message("Convites pendentes")
    String pending_invitations();

    @Message("qualquer pessoa com o link")
    String invitation_anyone();

    @Message("vale até {when}")
    String invitation_expires(String when);

    @Message("Revogar")
    String revoke();

    @Message("Convite")
    String invitation_title();

    @Message("{#when problem}{#is 'gone'}Este convite não vale mais: foi revogado, expirou ou já foi usado. Peça um novo a quem convidou você.{#is 'other_email'}Este convite é para outro e-mail. Entre com a conta desse e-mail para aceitá-lo.{#is 'already_member'}Você já é membro deste espaço de trabalho.{#else}Convite não encontrado. Confira o link.{/when}")
    String invitation_problem(String problem);

    @Message("Você foi convidado para o espaço de trabalho {workspace}.")
    String invitation_to(String workspace);

    @Message("Convidado por")
    String invited_by();

    @Message("Você vai aceitar como {who}.")
    String signed_in_as_accepting(String who);

    @Message("Aceitar convite")
    String accept_invitation();

    @Message("Automação excluída. O histórico de execuções dela foi mantido.")
    String automation_deleted();

    @Message("Nenhuma automação ainda. Comece por um modelo.")
    String no_automations();

    @Message("Automação")
    String automation();

    @Message("Última execução")
    String last_run();

    @Message("{#when status}{#is 'ACTIVE'}Ativa{#is 'PAUSED'}Pausada{#is 'DRAFT'}Rascunho{#else}Excluída{/when}")
    String automation_status(String status);

    @Message("{#when status}{#is 'QUEUED'}Na fila{#is 'RUNNING'}Executando{#is 'RETRYING'}Nova tentativa agendada{#is 'PARKED'}Aguardando reconexão{#is 'SUCCEEDED'}Sucesso{#is 'FILTERED'}Filtrada{#else}Falhou{/when}")
    String run_status(String status);

    @Message("Pausar")
    String pause();

    @Message("Ativar")
    String activate();

    @Message("Editar")
    String edit();

    @Message("Excluir")
    String delete();

    @Message("Nova automação")
    String new_automation();

    @Message("versão {version}")
    String version(int version);

    @Message("A automação não foi ativada: corrija os problemas abaixo primeiro.")
    String activation_refused();

    @Message("O que falta para ativar")
    String problems_title();

    @Message("Editar mapeamento")
    String edit_mapping();

    @Message("Mapeamento dos campos")
    String mapping_title();

    @Message("Execuções recentes")
    String recent_runs();

    @Message("Nenhuma execução ainda.")
    String no_runs_yet();

    @Message("lead {id} na Kommo")
    String kommo_lead(String id);

    @Message("Ver todas as execuções")
    String all_runs();

    @Message("Reprocessar falhas ({count})")
    String replay_failed(long count);

    @Message("Excluir automação")
    String delete_title();

    @Message("Excluir \"{name}\"? Ela para de rodar e sai da lista; o histórico de execuções é mantido.")
    String delete_confirm(String name);

    @Message("Sim, excluir")
    String delete_yes();

    @Message("Cancelar")
    String cancel();

    @Message("Escolher um modelo")
    String pick_template();

    @Message("Modelo desconhecido. Escolha um da lista.")
    String unknown_template();

    @Message("Usar este modelo")
    String use_template();

    @Message("Conexões")
    String wizard_step_connections();

    @Message("Mapeamento")
    String wizard_step_mapping();

    @Message("Ativar")
    String wizard_step_activate();

    @Message("Etapas")
    String wizard_progress();

    @Message("Só proprietários e administradores criam automações neste espaço.")
    String members_cannot_create();

    @Message("Nome da automação")
    String automation_name();

    @Message("Gatilho: {trigger} — conta {connector}")
    String trigger_connection(String connector, String trigger);

    @Message("Ação: {action} — conta {connector}")
    String action_connection(String connector, String action);

    @Message("Nenhuma conta {connector} conectada ainda.")
    String no_connection_yet(String connector);

    @Message("Você pode continuar sem as conexões e escolhê-las depois; a automação só pode ser ativada com as duas.")
    String wizard_connect_first();

    @Message("Continuar para o mapeamento")
    String wizard_next();

    @Message("Mapeamento dos campos")
    String editor_title();

    @Message("Salvo (versão {version}).")
    String saved(int version);

    @Message("Nome e conexões")
    String editor_basics();

    @Message("Conta {connector}")
    String connection_of(String connector);

    @Message("Escreva o texto de cada campo da Kommo e insira os campos da Hotmart clicando neles à direita. Ex.: {|{{buyer.name | first_name}}|}.")
    String mapping_hint();

    @Message("obrigatório")
    String required();

    @Message("Pré-visualizar")
    String preview();

    @Message("Salvar")
    String save();

    @Message("Campos do gatilho")
    String trigger_fields();

    @Message("Clique num campo para inseri-lo onde está o cursor.")
    String chips_hint();

    @Message("Buscar campo…")
    String search_fields();

    @Message("Transformações")
    String transforms();

    @Message("Transformação")
    String transform_label();

    @Message("Aplicar ao campo do cursor")
    String apply_transform();

    @Message("Coloque o cursor dentro de um campo {|{{…}}|} primeiro.")
    String transform_needs_field();

    @Message("Pré-visualização")
    String preview_title();

    @Message("O que cada evento de exemplo enviaria à Kommo com este mapeamento (nada é enviado).")
    String preview_hint();

    @Message("Passa no filtro")
    String filter_passes();

    @Message("Barrado pelo filtro")
    String filter_blocks();

    @Message("Pronto para enviar")
    String sample_ok();

    @Message("Com problemas")
    String sample_not_ok();

    @Message("O que aconteceria na Kommo")
    String plan_title();

    @Message("Com a última versão salva, sobre um evento de exemplo ou um dos últimos eventos recebidos. A Ponte só consulta a conta conectada: nada é gravado.")
    String plan_hint();

    @Message("Evento")
    String plan_sample();

    @Message("Ver o que aconteceria")
    String plan_run();

    @Message("{#when status}{#is 'PLANNED'}Planejado{#is 'FAILED'}A conta respondeu com erro{#else}Nada seria feito{/when}")
    String plan_status(String status);

    @Message("{#when kind}{#is 'LOOKUP'}Consulta{#is 'WRITE'}Gravaria{#else}Erro{/when}")
    String plan_step(String kind);

    @Message("Filtro")
    String filter_editor_title();

    @Message("Só os eventos que atendem às condições seguem para a Kommo. Sem condições, todo evento segue. Para remover uma condição, deixe o campo em branco.")
    String filter_editor_hint();

    @Message("Seguir quando o evento atende a")
    String filter_editor_match();

    @Message("{#when match}{#is 'any'}qualquer uma das condições{#else}todas as condições{/when}")
    String filter_editor_match_option(String match);

    @Message("Condição {number}")
    String filter_editor_condition(int number);

    @Message("Nova condição")
    String filter_editor_new_condition();

    @Message("Campo")
    String filter_editor_field();

    @Message("Operador")
    String filter_editor_operator();

    @Message("Valor")
    String filter_editor_value();

    @Message("Cópia de {name}")
    String copy_of(String name);

    @Message("Duplicar")
    String duplicate();

    @Message("Execuções no mês")
    String runs_this_month();

    @Message("Último erro")
    String last_error();

    @Message("Uso neste mês")
    String usage_title();

    @Message("{runs} de {limit} execuções do plano {plan}")
    String usage_of_plan(long runs, long limit, String plan);

    @Message("{runs} execuções (plano {plan}, sem limite)")
    String usage_unlimited(long runs, String plan);

    @Message("{count} execuções aguardam: o limite do plano foi atingido.")
    String usage_held(long count);

    @Message("Abrir a automação")
    String open_automation();

    @Message("Salve antes de ativar: a automação ativa usa a última versão salva.")
    String activate_hint();

    @Message("{count} execuções com falha voltaram para a fila.")
    String replayed_count(int count);

    @Message("Data inválida: use o seletor de data.")
    String invalid_date();

    @Message("Filtros")
    String filters();

    @Message("Todas")
    String all();

    @Message("De")
    String from_day();

    @Message("Até")
    String to_day();

    @Message("Filtrar")
    String filter();

    @Message("{total} execuções")
    String runs_total(long total);

    @Message("Nenhuma execução com estes filtros.")
    String no_runs();

    @Message("Quando")
    String when();

    @Message("Evento")
    String event();

    @Message("Tentativas")
    String attempts();

    @Message("Resultado")
    String result();

    @Message("próxima tentativa em {when}")
    String next_attempt(String when);

    @Message("Anteriores")
    String previous();

    @Message("Próximas")
    String next();

    @Message("Execução")
    String run_title();

    @Message("A execução voltou para a fila e roda de novo com a versão atual da automação.")
    String replay_queued();

    @Message("Esta execução ainda está em andamento; aguarde o fim para executá-la de novo.")
    String replay_still_running();

    @Message("Documentos e telefones aparecem mascarados para membros.")
    String masked_notice();

    @Message("Evento recebido em")
    String received_at();

    @Message("Criada em")
    String created_at();

    @Message("Terminada em")
    String finished_at();

    @Message("Próxima tentativa")
    String next_attempt_label();

    @Message("Erro")
    String error();

    @Message("Tentar novamente")
    String replay();

    @Message("Resultado na Kommo")
    String outputs();

    @Message("Dados enviados")
    String inputs();

    @Message("Nenhum dado enviado (a execução não chegou à ação).")
    String no_inputs();

    @Message("Tentativa {number}")
    String attempt_title(int number);

    @Message("em andamento")
    String in_progress();

    @Message("Chamada")
    String call();

    @Message("Resposta")
    String http_status();

    @Message("Duração")
    String duration();

    @Message("Nenhuma tentativa ainda.")
    String no_attempts();

    @Message("Campos do evento")
    String event_fields();

    @Message("Página não encontrada")
    String not_found_title();

    @Message("Esta página não existe no espaço de trabalho {workspace}. Ela pode ter sido excluída ou ser de outro espaço: troque de espaço no menu, se você participa de outros.")
    String not_found_text(String workspace);
}
