import { agree, frenchSpacing } from '../domain/text/french';
/** The one French message catalogue: rules give an id and data, the taskpane and the CLI render. */
export const MESSAGES = {
  'rule-crashed': 'Contrôle interrompu sur cette règle ({detail}) : le classeur a une forme inattendue.',
  'name-missing':
    'Donnée introuvable : le nom de classeur {name} ({what}) manque. Le classeur a-t-il été créé avec Devis CNC ?',
  'chapter-total-mismatch':
    'Total du chapitre {chapter} : {total} affichés, mais ses {count} lignes font {sum} (écart {diff}).',
  'chapter-total-omits':
    'Le total du chapitre {chapter} ({formula}) laisse de côté {lines} : il manque {diff}.',
  'line-wrong-chapter':
    'La ligne {code} « {label} » est rangée au chapitre {chapter} : son code appartient au chapitre {expected}.',
  'grand-total-mismatch':
    'Total général : {total} affichés, mais les chapitres, frais généraux et imprévus font {expected} (écart {diff}).',
  'deliverable-missing': 'Pas de {what} dans ce classeur.',
  'deliverable-empty': '{What} : la feuille « {sheet} » est là, mais vide.',
  'deliverable-unread':
    '{What} : la feuille « {sheet} » est là, mais pas contrôlée automatiquement (ses contrôles lisent le modèle Devis CNC) : à vérifier à la main.',
  'devis-not-recognised':
    'Pas de devis reconnu dans ce classeur : aucune feuille nommée devis ou budget, ni ligne d’en-têtes (code ou libellé, et montant) dans les {rows} premières lignes d’une feuille.',
  'devis-header-missing':
    'La feuille « {sheet} » porte un nom de devis, mais aucune ligne d’en-têtes (code ou libellé, et montant) dans ses {rows} premières lignes : le devis n’est pas lu.',
  'devis-missing':
    'Devis introuvable : ni le nom Devis_Lignes ni une feuille « Devis » avec une ligne d’en-têtes (Code, Montant…).',
  'devis-chapter-missing':
    'Le chapitre {code} « {label} » manque au devis (les {count} chapitres de la nomenclature {nomenclature} sont attendus).',
  'devis-chapter-label': 'Le chapitre {code} s’intitule « {found} » au lieu de « {expected} ».',
  'devis-code-unknown': 'Code « {code} » inconnu dans la nomenclature {nomenclature}.',
  'recap-mismatch': 'Récapitulatif : le poste {code} vaut {recap} € alors que le devis donne {devis} €.',
  'recap-total-mismatch':
    'Le total général du récapitulatif ({recap} €) diffère de celui du devis ({devis} €).',
  'typed-total':
    'Nombre saisi ({value}) là où une formule est attendue ({what}) : un total doit se recalculer.',
  'line-amount': 'Montant {amount} € au lieu de quantité × nombre × taux = {expected} €.',
  'charges-missing':
    'Des salaires au statut {status} ({gross} €) n’ont pas de charges au chapitre {chapter}.',
  'charges-rate-range':
    'Taux de charges {status} de {rate} % hors de la fourchette d’usage ({min} à {max} %) : vérifiez-le.',
  'overheads-cap': 'Frais généraux à {rate} % au-dessus du plafond de {cap} % (source : feuille Paramètres).',
  'protocol-overheads-over':
    'Frais généraux de {amount} ({share} de la base) au-dessus du plafond de {cap} : {limit} sur une base de {base} (coût hors frais généraux, rémunération du producteur et frais financiers ; Protocole du 16/12/2010 art. 2.12). Dépassement : {gap}.',
  'protocol-fee-over':
    'Rémunération du producteur délégué, charges comprises, de {amount} ({share} de la base) au-dessus du plafond de {cap} : {limit} sur une base de {base} (Protocole du 16/12/2010 art. 2.11). Dépassement : {gap}.',
  'status-missing':
    '« {label} » ressemble à une ligne de salaire sans statut : ses charges ne sont pas comptées au chapitre {chapter}. Indiquez le statut (Technicien, Cadre, Artiste, Auteur, Permanent), ou Prestataire s’il s’agit d’une facture.',
  'contingency-missing': 'Pas d’imprévus au devis : prévoyez une marge pour aléas.',
  'envelope-over': 'Le devis ({total} €) dépasse l’enveloppe budgétaire ({envelope} €) de {gap} €.',
  'envelope-missing':
    'Enveloppe budgétaire non renseignée (Paramètres) : impossible de vérifier le respect de l’enveloppe.',
  'rse-lines-missing':
    'Aucune ligne chiffrée pour l’accessibilité, l’éco-production, l’inclusion ou la prévention (RSE).',
  'financing-unbalanced': 'Plan de financement déséquilibré : écart de {gap} € avec le devis.',
  'financing-few-sources': '{count} {count|source|sources} de financement : au moins 5 sont attendues.',
  'financing-no-public': 'Aucune source publique au plan de financement.',
  'financing-no-private': 'Aucune source privée au plan de financement.',
  'financing-over-ceiling':
    'Intensité des aides publiques de {intensity} % au-dessus du plafond de {ceiling} %.',
  'financing-no-rse':
    'Aucune source ou bonus lié à un engagement environnemental ou social (colonne Bonus RSE).',
  'tax-credit-acquired-early':
    '« {source} » est marqué Acquis sans agrément provisoire (Paramètres) : un crédit d’impôt reste une estimation jusqu’à l’agrément, délivré avant le tournage (CGI art. 220 F). Marquez-le Sollicité ou Envisagé.',
  'financing-loan-as-source':
    'Source « {source} » : un emprunt se rembourse, ce n’est pas une source du plan de financement ; placez-le dans les mesures de la Trésorerie (crédit relais, préfinancement).',
  'financing-deadline-missing': 'Source publique « {source} » sans date limite de dépôt / échéance.',
  'financing-deadline-after-shoot':
    'Source publique « {source} » : date limite le {date}, après le premier jour de tournage ({shoot}) ; une aide à la production se demande en général avant le tournage.',
  'financing-eligibility-missing': 'Source publique « {source} » sans conditions ni critères d’éligibilité.',
  'financing-comparative-short':
    'Étude comparative : {count} {count|aide comparée|aides comparées} avec avantages et inconvénients ; au moins 2 sont attendues.',
  'cashflow-gap-plan': 'Trésorerie : les encaissements diffèrent du plan de financement de {gap} €.',
  'cashflow-gap-devis': 'Trésorerie : les décaissements diffèrent du devis de {gap} €.',
  'cash-month-total':
    'Trésorerie, {label} de {month} : {shown} affichés, mais la somme de ses {count} {count|ligne|lignes} fait {sum} (écart {diff}).',
  'cash-balance':
    'Trésorerie, solde de {month} : {shown} affichés, mais encaissements moins décaissements font {expected} (écart {diff}).',
  'cash-running':
    'Trésorerie, solde cumulé de {month} : {shown} affichés, mais le cumul du mois précédent plus le solde du mois font {expected} (écart {diff}).',
  'cashflow-phase-order':
    'Mois de {month} en phase « {phase} » après une phase « {previous} » : l’ordre développement → production → postproduction n’est pas respecté.',
  'tax-credit-share-missing':
    'Ligne « {label} » chiffrée sans part éligible au crédit d’impôt : elle reste hors de la base éligible. Saisissez 100 % si elle est éligible, 0 % sinon, ou la part au niveau des minima pour un artiste payé au-dessus.',
  'carbon-decors-whole-quote':
    '« {label} » : ratio monétaire appliqué à tout le devis. Un devis de construction de décors est surtout de la main-d’œuvre (le ratio de 2016, à 80 % d’incertitude, ne vaut que pour des biens achetés) : mettez la part matériaux en multiplicateur (par ex. 0,35) ou chiffrez l’acier et le mobilier en tonnes.',
  'cashflow-no-measure': '{months} mois en déficit de trésorerie (besoin {need} €) et aucune mesure écrite.',
  'cashflow-uncovered':
    'Même après les mesures, le solde cumulé descend à {lowest} € : {need} € de besoin restent à couvrir (date de mise en place, montant ou remboursement à revoir).',
  'cashflow-measures-cost':
    'Les intérêts et frais des mesures de trésorerie ({cost} €) dépassent de {over} € les frais financiers du devis : ils en font partie (Protocole du 16/12/2010 art. 2.13).',
  'error-cell': 'Erreur {error} dans une cellule contrôlée.',
  'formula-inconsistent':
    'Formule différente de ses voisines : {found} ; la colonne (ou la ligne) attend {expected}. Recopiez la formule voisine ou expliquez l’exception.',
  'formula-typed-value':
    'Valeur saisie « {found} » au milieu de formules : la colonne (ou la ligne) attend {expected}, qui se recalcule.',
  'formula-short-range-block':
    'Le total {formula} du {block} laisse de côté la cellule {omitted} ({value}) : il ne compte pas toutes les lignes de son bloc, le total est faux.',
  'formula-short-range':
    'Le total {formula} laisse de côté la cellule voisine {omitted} ({value}) : étendez la plage si elle en fait partie.',
  'formula-undefined-name':
    'La formule {formula} utilise un nom qui n’existe pas dans le classeur ({names}) : Excel affichera #NOM? au prochain calcul.',
  'derived-negative': '« {header} » négatif ({value}) : une part d’un montant ne peut pas être négative.',
  'derived-foreign-above':
    'Dépense à l’étranger ({value}) supérieure au montant de la ligne ({header} : {amount}).',
  'derived-share': '« {header} » à {value} % : une part doit rester entre 0 et 100 %.',
  'sheet-read-partial':
    'Feuille lue en partie : à partir de la ligne {row}, elle dépasse ce qu’un contrôle lit d’un coup ; les contrôles de formules n’ont pas vu la suite.',
  'params-date-order': 'Date de {what} ({date}) antérieure à la date de {before} ({other}).',
  'params-shooting-days':
    '{days} jours de tournage pour {calendar} jours de calendrier entre le début et la fin du tournage.',
  'params-prep-weeks':
    '{weeks} semaines de préparation alors que {span} semaines séparent le début de la préparation du début du tournage.',
  'params-post-weeks':
    '{weeks} semaines de postproduction alors que {span} semaines séparent la fin du tournage de la livraison.',
  'params-rate-bounds': 'Le {what} vaut {value} % : un taux est compris entre 0 et 100 %.',
  'text-number': 'Texte « {text} » dans une cellule numérique{hint}.',
  'sheet-missing':
    'La feuille {sheet} est introuvable (nom {name}) : créez-la avec le volet ou « devis-cnc new ».',
  'carbon-group-missing':
    'Aucune émission chiffrée pour le poste « {group} » (catégories : {categories}) : le bilan doit chiffrer transport, matériel, énergie et déchets.',
  'expense-code-missing': 'Dépense {piece} sans code du devis : elle n’entre dans aucun total par poste.',
  'expense-code-unknown':
    'Dépense {piece} imputée au code « {code} », qui n’est pas un code du devis : elle n’entre dans aucun total par poste.',
  'expense-proof-missing':
    'Dépense {piece} sans justificatif (colonne Justificatif : « Oui » et sa référence).',
  'expense-payroll-charges':
    'Charges {code} ({status}) au grand livre : {booked} € pour {expected} € calculés sur {gross} € de salaires au taux de {rate} % du Devis : écart de {gap} €.',
  'expense-ttc': 'Dépense {piece} : TTC {ttc} € au lieu de HT {ht} € + TVA {tva} € = {expected} €.',
  'followup-gap-unexplained':
    'Écart de {gap} € ({share}) sur la ligne {code} {label} sans explication : au-delà des seuils ({thresholds}), un écart s’explique.',
  'followup-gap-no-cause':
    'Écart de {gap} € ({share}) sur la ligne {code} {label} sans cause : choisissez Interne ou Externe.',
  'followup-gap-cause-unknown':
    'Cause « {cause} » inconnue pour l’écart de {gap} € sur la ligne {code} : choisissez Interne ou Externe.',
  'cashflow-actual-uncovered':
    'Trésorerie réelle : après les mesures tirées et celles que la Trésorerie prévoit encore, le solde actualisé descend à {lowest} € ; il manque {uncovered} € que les mesures ne couvrent plus (besoin actualisé avant mesures : {need} €, au plus bas en {month}).',
  'financing-condition-unmet':
    '{source} : condition « {condition} » non remplie — le devis dépense {actual} € dans la région pour {required} € exigés ; il manque {missing} €.',
  'media-window-early':
    '{source} : fenêtre « {window} » ouverte à {months} mois après la sortie en salle, avant les {accord} mois de l’accord — le contrat contredit la chronologie des médias.',
  'media-window-unknown':
    'Fenêtre « {window} » inconnue de l’accord : choisissez-la dans la liste des fenêtres sous la chronologie.',
  'media-window-source':
    'Chronologie des médias : « {source} » n’est pas une source du plan ; reprenez son nom exact dans la colonne Source.',
  'media-window-missing':
    '{source} ({category}, {amount} €) achète une fenêtre d’exploitation : dites laquelle et son mois d’ouverture dans la chronologie des médias.',
  'cue-timecodes': 'Musique {cue} : sortie à {out}, pas après l’entrée à {in} — corrigez le minutage.',
  'cue-beyond-film':
    'Musique {cue} : sortie à {out}, après la fin du film ({film}) — vérifiez le minutage ou la durée du film dans Paramètres.',
  'cue-overlap':
    'Musique {cue} : entrée à {in}, avant la fin de « {other} » à {out} — deux musiques en même temps se déclarent chacune avec son minutage exact ; vérifiez-le.',
  'cue-rights-cost':
    'Musique {cue} ({origin}) sans coût de droits : chiffrez la synchronisation (éditeur) et l’enregistrement (producteur du disque ou détenteur de l’archive).',
  'cue-rights-pending': 'Musique {cue} : droits « {rights} » — à obtenir avant la livraison du film.',
  'cue-devis-code':
    'Musique {cue} : la ligne « {code} » n’existe pas au devis ; imputez ses droits à une ligne du devis.',
  'cue-devis-short':
    'Ligne {code} du devis ({label}) : {amount} € au devis pour {cost} € de droits imputés par la CUE sheet ; il manque {missing} €.',
  'scene-unscheduled':
    'Séquence {scene} : aucun jour du plan de travail ne la tourne — ajoutez-la aux séquences du jour qui la tourne.',
  'scene-unknown':
    'Journée du {day} : le dépouillement ne liste pas {what} — dépouillez ce que le plan tourne ou corrigez le numéro.',
  'schedule-daily-hours':
    'Journée du {day} : {hours} h de travail effectif, au-delà des {max} h par jour — raccourcissez-la ou justifiez la dérogation.',
  'schedule-rest':
    'Journée du {day} : {rest} h de repos depuis la fin de la veille, moins que les {min} h de repos quotidien — décalez la convocation.',
  'schedule-consecutive':
    'Journée du {day} : {days} jours de travail d’affilée, plus que les {max} permis sans repos hebdomadaire — insérez un jour de repos.',
  'schedule-set-return':
    'Journée du {day} : décor « {set} » repris après l’avoir quitté le {left} — regroupez ses jours (décor loué et installé une seule fois) ou justifiez le retour.',
  'schedule-role-contract':
    'Journée du {day} : « {role} » convoqué hors de son contrat (du {start} au {end}) — prolongez le contrat ou déplacez la séquence.',
  'schedule-devis-quantity':
    'Ligne {code} du devis ({label}) : quantité {quantity} pour {count} selon le plan de travail ({measure}) — remettez la formule du plan ou corrigez le plan.',
  'schedule-params-dates':
    'Paramètres : {which} du tournage le {param}, le plan de travail dit le {plan} — la Trésorerie suit Paramètres ; reprenez la date du plan.',
  'schedule-weekly-hours':
    'Semaine du {monday} : {hours} h de travail effectif, plus que les {max} h de la durée hebdomadaire maximale — allégez une journée ou étalez la semaine.',
  'schedule-params-post-weeks':
    'Paramètres : {param} semaines de postproduction, le planning de postproduction en compte {plan} après le tournage — reprenez la formule du plan.',
  'post-after-delivery':
    'Postproduction, « {step} » : finit le {end}, après la livraison du PAD le {delivery} — avancez l’étape, raccourcissez-la ou repoussez la livraison.',
  'post-before-dependency':
    'Postproduction, « {step} » : commence le {start}, avant la fin de « {after} » le {afterEnd} qu’elle suit — décalez son début.',
  'post-after-unknown':
    'Postproduction, « {step} » : suit « {after} », qui n’est pas une étape du planning — corrigez le nom de l’étape.',
  'post-before-shoot':
    'Postproduction, « {step} » : commence le {start}, avant le premier jour de tournage ({first}) — rien n’est encore tourné.',
  'closing-gap-unexplained':
    '{what} : écart de clôture de {gap} € ({share}) sans explication ; au-delà des seuils ({thresholds}), un écart s’explique.',
  'closing-tax-credit-lower':
    'Crédit d’impôt définitif de {final} € sur les dépenses réelles : {missing} € de moins que les {plan} € du plan de financement ; le financement définitif retient le définitif, et ce qu’un préfinancement a avancé au-delà se rembourse.',
  'closing-list-incomplete':
    'Liste {list} : {gap} € de {what} du grand livre n’y figurent pas (un bénéficiaire manque, ou son nom diffère de celui des Dépenses).',
  'closing-fee-over-cap':
    'Rémunération du producteur à l’achèvement : {fee} € ({share} % de la base à l’achèvement, {base} €), au-delà du plafond de {cap} % ({limit} €) : {over} € à ramener dans le plafond.',
  'closing-over-ceiling':
    'Aides publiques de {public} € : {intensity} % du coût définitif ({cost} €), au-delà du plafond de {ceiling} % : l’intensité se vérifie aussi au coût définitif.',
  'closing-uncovered':
    'Le financement définitif ne couvre pas le coût définitif : il manque {missing} € (solde du Bilan financier).',
  'rights-base-missing': 'Ayant droit {holder} : un pourcentage sans assiette (choisissez-la dans la liste).',
  'rights-base-unknown':
    'Ayant droit {holder} : l’assiette « {base} » n’est pas dans le tableau des assiettes (à droite).',
  'rights-over-100':
    'Assiette « {base} » : les parts de {holders} {holders|ayant droit|ayants droit} font {total}, au-delà de 100 %.',
  'rights-rank-over-100':
    '{rank} des RNPP : les parts de {holders} {holders|ayant droit|ayants droit} font {total}, au-delà de 100 % de ce qui reste à ce rang.',
  'rights-rank-unknown':
    'Ayant droit {holder} : le rang {rank} n’existe pas dans le partage des RNPP (un entier de 1 à 5 ; vide pour un couloir).',
  'rights-rental-over-cap':
    'Taux de location de {rate} au-delà du plafond de {cap} de Paramètres : la cascade applique {cap}, et les recettes brutes distributeur avec lui.',
  'festival-undelivered':
    '{festival} : inscription close le {deadline}, avant la livraison du film le {delivery} — prévoyez une copie de travail ou écartez ce festival.',
  'festival-duration':
    '{festival} : le film dure {minutes} min, hors de la durée que le festival accepte ({min} à {max} min).',
  'festival-premiere-conflict':
    '{festival} exige une première mondiale, mais la stratégie montre d’abord le film à « {other} », le {date}.',
  'retro-after-event':
    'Tâche « {task} » : échéance le {due}, marge comprise, après l’avant-première du {event} ({late} {late|jour|jours} trop tard).',
  'retro-after-unknown':
    'Tâche « {task} » : elle suit la tâche n° {after}, qui n’est pas dans le rétroplanning.',
  'retro-before-dependency':
    'Tâche « {task} » : elle commence le {start}, avant l’échéance de la tâche n° {after} « {other} » qu’elle suit ({ready}).',
  'retro-missing':
    'Tâche « {task} » sans {what} : le rétroplanning donne la durée et le responsable de chaque tâche.',
  'event-category-missing':
    'Poste « {poste} » du budget d’événement sans catégorie : logistique, communication et marketing ou frais administratifs.',
  'event-category-unknown':
    'Poste « {poste} » : la catégorie « {category} » n’est pas dans la liste (logistique, communication et marketing, frais administratifs).',
  'followup-arbitrage-missing':
    'Coût estimé final {final} € au-dessus du devis ({devis} €) de {over} €, et aucun arbitrage proposé.',
  'carbon-no-measure':
    'Aucune mesure de réduction chiffrée : proposez au moins une mesure avec son économie estimée (kgCO2e).',
  'carbon-definitive-missing':
    'Bilan définitif non renseigné (total définitif nul) : à compléter au coût définitif pour comparer avec le prévisionnel.',
  'carbon-definitive-partial':
    'Bilan définitif partiel : {missing} des {total} postes chiffrés au prévisionnel {missing|n’a|n’ont} pas encore de quantité définitive (dont « {label} ») : complétez-les d’après les consommations réelles.',
  'carbon-definitive-above':
    'Le bilan définitif ({definitive} kgCO2e) dépasse le prévisionnel ({forecast} kgCO2e) : expliquez l’écart et l’effet des mesures.',
  'model-negative': '{what} vaut {value} : {law}.',
  'model-share': '{what} vaut {value}, hors de 0 à 100 % : {law}.',
  'model-required': '{what} est vide : {law}.',
  'model-not-in-list': '{what} vaut « {value} », qui n’est pas dans la liste des {list} : {law}.',
  'model-not-date': '{what} vaut « {value} », qui n’est pas une date : {law}.',
  'model-sum': '{what} font {sum} au lieu de {expected} : {law}.',
  'model-order': '{what} : {lesser} en {lesserAt} dépasse {greater} en {greaterAt} : {law}.',
  'model-order-date': '{what} : {lesser} en {lesserAt} tombe après {greater} en {greaterAt} : {law}.',
  'model-equal': '{what} vaut {left}, mais {right} en {other} : {law}.',
} as const satisfies Readonly<Record<string, string>>;

/** A message of the catalogue: a rule can report no other (the compiler checks it). */
export type MessageId = keyof typeof MESSAGES;

/** The keys a template names: "{a} et {n|x|y}" → "a" | "n". */
type Keys<S extends string> = S extends `${string}{${infer K}}${infer Rest}`
  ? (K extends `${infer A}|${string}` ? A : K) | Keys<Rest>
  : never;

/** The data a message needs: exactly the keys its template names (the compiler checks it). */
export type MessageData<M extends MessageId> = Readonly<Record<Keys<(typeof MESSAGES)[M]>, string | number>>;

export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(MESSAGES, id);
}

/**
 * Renders a message with its data, e.g. {group} → « Énergie »; {count|source|sources} is the
 * word agreeing with the number in `count` (French: 0 and 1 take the singular).
 */
export function renderMessage(messageId: string, data: Readonly<Record<string, string | number>>): string {
  if (!isMessageId(messageId)) throw new Error(`Message inconnu : ${messageId}`);
  const template: string = MESSAGES[messageId];
  const missing = [...template.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1] ?? '').filter((k) => !(k in data));
  if (missing.length > 0) throw new Error(`Message ${messageId} sans ${missing.join(', ')}`);
  return frenchSpacing(
    template
      .replace(/\{(\w+)\|([^|}]+)\|([^|}]+)\}/g, (_, k: string, one: string, many: string) =>
        agree(Number(data[k]), one, many),
      )
      .replace(/\{(\w+)\}/g, (_, k: string) => String(data[k] ?? `{${k}}`)),
  );
}
