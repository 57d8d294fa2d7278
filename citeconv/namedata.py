"""Word lists for reading free-text names and telling names from titles (data only, no logic).

Contract: every list is a ``frozenset`` of lower-case words. The lists are general knowledge
(common surnames by census rank, common given names, the everyday vocabulary of academic
titles), not words picked from any test page. They are evidence for ``names`` and the listing
readers, never the only reason for a decision that structure can make.
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Romanised East Asian surnames (Chinese pinyin and Cantonese/Taiwanese spellings, Korean,
# Vietnamese, common Malaysian/Singaporean Hokkien spellings): a name ending in one has a one-word
# family name however many given words come first (``Jackie Chi Kit Cheung``, ``Jong Wook Kim``).
EAST_ASIAN_SURNAMES = _words("""
li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei
su lu ding ren shen yao jin cui zhong tan fan fu fang shi qian qiu qin xiong meng mao hao bai
kong jia xue lei long duan hou shao wan gu lai wen mo kang gong qiao yan yin xing ji dai tao
niu chang lam cheung chan wong leung ng chow tsang chu yip kwok lau mak tse fung siu choi chung
chong chiu tsui yeung kwan hui ho lo mok tsai hsu hsieh tsao chiang chao liao tseng chuang kuo
ke ou lian zou shu xia tong geng bi hong zhai
teoh tay goh koh ong lim tan teo chua khoo ooi yap yeo quek
kim lee park jung kang cho yoon jang lim shin seo kwon hwang ahn yoo hong jeon ko moon son
bae baek heo nam noh ha kwak seong cha joo woo koo min ryu na jin ji
nguyen tran pham hoang phan vu vo dang bui ngo duong ly trinh truong huynh le
""")

# Common Hispanic, Portuguese/Brazilian, Catalan and Persian surnames: one of them before the
# last word of a display-order name starts a two-word family name (``María García López``,
# ``Reyhane Askari Hemmat``); one of them at the end of an export's given part is the first
# half of the family name the export cut (``Colmenarejo, Sergio Gómez``).
DOUBLE_SURNAME_HEADS = _words("""
garcia garcía rodriguez rodríguez martinez martínez lopez lópez gonzalez gonzález perez pérez
sanchez sánchez ramirez ramírez torres flores rivera gomez gómez diaz díaz cruz morales ortiz
gutierrez gutiérrez chavez chávez ramos ruiz alvarez álvarez mendoza castillo jimenez jiménez
moreno romero herrera medina aguilar vargas fernandez fernández hernandez hernández silva santos
oliveira souza costa pereira almeida ferreira ribeiro carvalho rocha gomes martins araujo araújo
avila ávila castro ortega delgado vazquez vázquez suarez suárez dominguez domínguez navarro
molina blanco iglesias nuñez núñez serrano marin marín cabrera guerrero rojas contreras
salazar espinoza espinosa mejia mejía sandoval valencia cardenas cárdenas acosta orozco
velasquez velásquez quintero giraldo osorio cortes cortés aguirre arias barrios benitez
benítez cano duarte fuentes gallego garrido guzman guzmán leon león lozano luna maldonado
marquez márquez montoya ocampo pacheco palacios parra peña quiroga rincon rincón salas
soto tapia toro valdez valdés vega villa zapata
barbosa cardoso correia dias lima machado mendes monteiro moura nascimento pinto teixeira
vieira azevedo campos freitas lopes marques moreira nunes reis
ebrahimi hosseini rezaei ahmadi mohammadi karimi hashemi moradi jafari rahimi mousavi kazemi
sadeghi ghorbani azizi zamani amiri rostami askari akbari bagheri heidari jalali najafi
nasiri rahmani safari salehi shirazi tehrani yazdani zare
""")

# Words that are parts of given names, never the start of a family name (South Asian and Arabic
# naming: ``Abu Awal Md Shoeb``, ``Syed Mohammad Ali``, ``Devendra Singh Chaplot``,
# ``Arnab Kumar Mondal``).
GIVEN_PARTS = _words("""
md md. mohd mohd. mohammad mohammed muhammad mohamed muhammed syed sayed sheikh abu abdul abd
singh kumar kumari prasad nath lal chandra devi
""")

# Given names that are also English words: a name-shaped line starting with one is not made a
# title by its first word alone (``Can Chen``, ``Will Dabney``, ``Grace Lindsay``).
WORD_GIVEN_NAMES = _words("""
can will grace rose max deep hope long young may june faith joy mark bill guy ray rich summer
river sky star sunny hunter pearl ruby amber jade iris violet lily daisy dawn eve grant chase
dale glen heath lane miles noble pat penny sandy victor wade sage crystal honor harmony
justice chance frank gene jack pierce price rusty art earl bright ed kit kai an bin min jun
hui yu le ho ha do son tu lam nam hong long wing king rob sue
""")

# Family names that are also English words (a name-shaped line ending in one is not made a
# title by its last word alone: ``Alex Lamb``, ``Pierre-Luc Bacon``, ``Andrew Slavin Ross``).
WORD_SURNAMES = _words("""
bell stone wood baker cook hill young king lamb rush price fox gray grey green brown white black
bishop mason miller smith fisher hunter carpenter turner walker bacon shepherd wise little long
bush moss moon rose may law love hope field ford lane park marsh church hall west north south
bird swan nash page major noble golden sharp strong small sweet frost snow winter summer day
knight chase burns banks brooks rivers waters fields woods hills rich best good wolf lion bear
cross lord dean pope cole house ball rice bean salt gates
""")

# The everyday vocabulary of academic titles (singular forms; plurals are matched by the
# reader). None is a common personal name: a name-shaped line ending in one of these, or made
# mostly of them, reads as a title.
TITLE_WORDS = _words("""
learning network model neural deep language graph generative diffusion optimization
optimisation policy agent vision data training transformer attention reinforcement
representation inference analysis efficient robust scalable sparse discrete continuous bayesian
stochastic adversarial benchmark dataset algorithm theory towards toward beyond via using
through system method approach framework search memory control planning reasoning prediction
estimation detection generation segmentation retrieval understanding gradient kernel
bottleneck embedding token scaling law causal federated contrastive supervised unsupervised
self multi task world zero shot few large small fast faster better image video text speech
audio question answering modeling modelling pruning tuning sampling
label pseudo meta mechanism recognition translation classification regression clustering
distillation compression quantization quantisation architecture layer normalization
normalisation regularization regularisation dropout convolution convolutional recurrent
independent module modular structure structured function value process processing feature
space manifold geometry topology matrix tensor vector factorization decomposition completion
exploration exploitation reward game equilibrium dynamic dynamics environment simulation
simulator physics molecule molecular protein chemistry biology drug design discovery
synthesis evaluation metric measure measurement benchmarking probing interpretability
explanation explainability fairness bias privacy security safety alignment robustness
generalization generalisation transfer adaptation domain shift distribution uncertainty
calibration ensemble mixture expert experts sequence series forecasting temporal spatial
graphical probabilistic variational autoencoder encoder decoder flow flows energy score
likelihood posterior prior sampler estimator operator equation differential solver
solution problem challenge challenges limit limits bound bounds complexity convergence rate
descent ascent momentum optimizer optimiser loss objective criterion principle perspective
view survey review tutorial study studies case note notes lesson lessons insight insights
introduction overview primer foundation foundations toolkit library platform software
hardware accelerator efficiency scale scaling emergent emergence ability abilities capability
capabilities behavior behaviour cognition consciousness intelligence agent agents human
humans machine machines computer computing computation computational automatic automated
autonomous robot robotic robotics navigation manipulation locomotion driving vehicle traffic
health medical clinical biomedical medicine patient brain neuron neuroscience signal signals
sensor sensing remote satellite climate weather carbon footprint emission emissions water
social economic market finance financial policy legal ethics ethical society societal
dialogue dialog conversation conversational chat chatbot instruction instructions prompt
prompting question questions answer answers knowledge fact factual commonsense common sense
entity entities relation relations relational link prediction node edge vertex hypergraph
point cloud mesh scene object objects shape shapes pose motion action activity event events
caption captioning visual spatial multimodal modality modalities cross lingual multilingual
translation parsing syntax semantic semantics word words sentence sentences document
documents corpus corpora summarization summarisation generation editing retrieval ranking
recommendation recommender search query queries index indexing hashing compression coding
code codes program programs programming synthesis verification proof proofs theorem
theorems logic symbolic neurosymbolic reasoning planning scheduling allocation resource
resources communication wireless edge cloud distributed parallel decentralized
decentralised asynchronous synchronous online offline batch streaming continual lifelong
incremental curriculum active passive imitation inverse hierarchical hierarchy option options
skill skills goal goals intrinsic curiosity novelty count counting hashing density estimation
normalizing normalising invertible implicit explicit neural field fields radiance rendering
reconstruction super resolution denoising inpainting restoration enhancement detection
tracking localization mapping slam odometry depth stereo optical flow frame frames pixel pixels
patch patches token tokens vocabulary tokenization tokenizer tokenisation pretraining
pre-training fine-tuning finetuning tuning adapter adapters low rank low-rank sparse sparsity
pruning lottery ticket hypothesis winning mode connectivity landscape loss surface minima
sharpness flatness double descent grokking memorization memorisation overfitting
underfitting interpolation extrapolation invariance equivariance symmetry group groups
canonicalization canonicalisation permutation rotation translation scaling augmentation
mixup cutout regularizer mask masked masking autoregressive non-autoregressive parallel
decoding beam greedy nucleus temperature calibration confidence selective abstention
rejection anomaly outlier novelty open set open-set closed zero-shot few-shot one-shot
many-shot in-context context contextual long-context short retrieval-augmented augmented
tool tools use agentic environment environments benchmark benchmarks suite suites arena
leaderboard competition competitions challenge shared task workshop report technical card
system card paper papers preprint model models family families herd
replay buffer experience unit machine process routing capsule perceptron automaton automata
grammar parser tagger classifier detector tracker generator discriminator critic actor learner
scheduler bandit tree forest boosting bagging pooling matching hashing map net nets
engine pipeline workflow protocol interface assistant copilot compiler kernel runtime cache
sketch summary embedding dimension dimensionality rank norm margin loss hinge entropy
divergence distance similarity metric alignment correspondence registration fusion
aggregation attention transformer mixer perceiver routing gating cell state states
recurrence convolution filter filtering smoothing denoiser estimator predictor forecaster
planner controller navigator explorer simulator emulator tokenizer encoder decoder retriever
reranker ranker reader writer editor verifier prover solver oracle teacher student
curricula curriculum benchmarking evaluation testing debugging repair synthesis patch
generalizing scaling learning training inference serving deployment monitoring
baseline simple mastering atari chess
""")

# Capitalised function words: a personal name never contains one (``The Option-Critic
# Architecture``, ``Towards Causal Representation Learning``). ``An``, ``Do``, ``To`` and ``In``
# are left out: they are East Asian names too.
TITLE_FUNCTION_WORDS = _words("""
the of and for with from via is are towards toward beyond using through without into what
how why when where which does your you we our not all only over under versus vs about
against between within across among after before more less than new better
""")

# Given names that are distinctly Spanish, Portuguese or Catalan: in a three-word name that
# starts with one, a middle word that is not itself a given name starts a two-word family name
# (``Fabián Caba Heilbron``, ``Adrià Puigdomènech Badia``; but ``Pablo Samuel Castro``).
HISPANIC_GIVEN_NAMES = _words("""
juan josé jose pablo carlos luis miguel jorge diego alejandro fernando javier sergio andrés
andres felipe gonzalo santiago mateo adrià adria joan jordi pau oriol xavier joão joao pedro
tiago rafael gustavo rodrigo ricardo eduardo ignacio ignasi íñigo iñigo álvaro alvaro
raúl raul ramón ramon césar cesar héctor hector hernán hernan joaquín joaquin agustín agustin
martín fabián fabian sebastián sebastian nicolás matías matias tomás julián julian rubén ruben
marcelo mauricio enrique emilio esteban guillermo alfonso vicente francisco manuel antonio
alberto arturo armando camilo cristian cristóbal lucas leandro gabriel germán german
maría maria ana lucía lucia carmen isabel sofía sofia valentina camila daniela paula andrea
mariana gabriela carolina catalina fernanda natalia beatriz inés ines pilar rocío rocio
montserrat núria nuria mercè laia marta raquel cristina verónica veronica alejandra paola
joana joaquim gonçalo duarte rui nuno afonso vasco luisa luísa elena teresa rosa mercedes
dolores eugenia victoria alicia adriana silvia patricia susana lorena claudia diana mónica
monica gloria julia irene eva clara lourdes jesús jesus ángel angel augusto octavio ernesto
aurelio benito ramiro rolando orlando adolfo alonso bernardo blas bruno darío dario elías
elias fidel gilberto hugo jaime marcos mario osvaldo patricio salvador teodoro ulises
""")

# Common given names across languages: a middle word that is one stays in the given part
# (``Pablo Samuel Castro``, ``Juan Carlos Niebles``, ``João Felipe Santos``).
COMMON_GIVEN_NAMES = HISPANIC_GIVEN_NAMES | _words("""
samuel daniel david michael john james robert william thomas richard charles joseph mark paul
peter andrew george edward henry christopher matthew anthony kevin brian steven eric jason
adam alexander benjamin jonathan nicholas patrick simon stephen timothy philip frederick
lawrence raymond ryan jacob joshua aaron nathan kyle sean ian alex max martin marc jean
pierre louis luc françois francois andré andre marie anne claire sophie julie laura sarah
emma olivia elizabeth catherine margaret mary jane alice rose grace lee lynn ann jo may
karl hans peter jan lars erik johan anders henrik stefan tobias lukas felix moritz leon
maximilian sebastian florian christian dominik fabian matthias andreas markus michel
marco luca giovanni giuseppe francesco alessandro lorenzo matteo stefano paolo roberto
ahmed ali hassan hussein omar khalid reza amir hossein javad mahdi mehdi hamid saeed
kumar raj ravi vijay anil sunil amit rahul arjun krishna deepak prasad
wei ming jun hui yan ying xin jie li hong hua lei yu chi kit wing man
sasha alexandra rosemary shane ajit karolina
henrique henri enrique antonio antónio manuel francisco fernanda gabriel gabriela lucas mateus
vinicius vinícius thiago bruno leonardo caio guilherme jose josé maria luiz luis paulo
""")

# Organisations that publish under their own name (a free-text author equal to one, in any case,
# is a literal name).
ORGANISATIONS = frozenset({
    "openai", "deepmind", "google", "meta", "microsoft", "anthropic", "deepseek-ai", "nvidia",
    "ibm", "mistral ai", "qwen", "huggingface", "hugging face", "google deepmind",
    "google research", "google brain", "meta ai", "fair", "eleutherai", "allenai", "ai2",
    "bigscience", "bigcode", "laion", "cohere", "xai", "apple", "amazon", "baidu", "alibaba",
    "tencent", "bytedance", "huawei", "samsung", "intel", "salesforce", "zhipu ai", "moonshot ai",
    "01.ai", "stability ai", "minimax", "internlm", "baichuan",
})

# Capitalised family-name prefixes: inside a display-order name one starts the family
# (``Charline Le Lan``, ``William El Sayed``); at the end of an export's given part it is the
# family's (``Roux, Nicolas Le``).
CAPITAL_PREFIXES = frozenset({
    "le", "la", "de", "del", "della", "di", "da", "du", "dos", "van", "von", "ter", "ten", "st.",
    "saint", "abu", "el", "al", "ben", "bin", "ibn", "mac",
})
# Titles dropped from the front of a free-text name.
NAME_TITLES = frozenset({"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
                         "sir", "dame"})

# Vietnamese family names and the middle names that follow them: ``Nguyen Thanh Binh`` (three
# words, a Vietnamese family name first, a Vietnamese middle name, and no surname at the end)
# is written family first.
VIETNAMESE_SURNAMES = _words("""
nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng
bui bùi do đỗ ho hồ ngo ngô duong dương ly lý trinh trịnh truong trương dinh đinh lam lâm
""")
VIETNAMESE_MIDDLE_NAMES = _words("""
thi thị van văn thanh duc đức minh quoc quốc huu hữu ngoc ngọc xuan xuân anh tuan tuấn hong
hồng hai hải dinh đình cong công trung quang phuong phương thu bao bảo gia khanh khánh nhat
nhật tien tiến thuy thủy hoai hoài viet việt ba bá manh mạnh kim tri trí
""")

# Name particles (lower-case in a name: ``van der``, ``de la``, ``d'``) and name suffixes.
PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "les", "des", "ter", "ten", "zu", "zur", "af", "av", "y", "e", "bin", "ibn", "al", "el",
    "lo", "op", "het", "'t", "d'", "l'", "dello", "degli", "van't", "las", "los", "do", "dei",
    "zum", "vom", "im", "dal", "dalla", "delle",
})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "2nd", "3rd"})
# Words that make a free-text author an organisation (``Gemini Team``, ``… Collaboration``).
ORG_WORDS = _words("""
team collaboration consortium workshop group lab labs laboratory institute university
foundation association society committee council project initiative inc ltd corp corporation
company research network alliance organization organisation agency
authors contributors community center centre
""")
# Two-character Chinese compound surnames (a Han-script name starting with one splits after it).
HAN_COMPOUND_SURNAMES = _words("欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 司徒 歐陽 司馬 諸葛")

# Groups of people a lab's "People" page lists names under ("PhD Students", "Alumni",
# "Principal Investigator"): a short heading ending in one is a roster heading, not a title.
ROLE_WORDS = _words("""
student students alumni alumnus alumna members member faculty staff postdoc postdocs
postdoctoral fellow fellows intern interns investigator investigators researcher researchers
team people collaborators collaborator visitors visitor advisor advisors adviser advisers
affiliates affiliate professor professors scientist scientists engineer engineers graduates
undergraduates undergraduate masters director directors administration emeriti emeritus
lead leads manager managers coordinator coordinators assistant assistants associates
""")
