/**
 * The message catalogue: every user-facing string of the app, in 简体中文 (the default) and
 * English. `zhCN` defines the keys; `en` is typed `Messages`, so the compiler rejects an
 * English catalogue with a missing or an extra key.
 *
 * Placeholders are written `{name}` and filled by `translate(…, { name })`.
 */
export const zhCN = {
  'app.name': '长株潭创新资源共享平台',
  'app.nameAlt': 'CZT Innovation Exchange',
  'app.tagline': '连接长沙、株洲、湘潭的科技资源与金融服务',

  'layout.skipToContent': '跳到主要内容',
  'layout.homeLink': '返回首页',
  'layout.primaryNav': '主导航',
  'layout.menu': '菜单',
  'layout.languageLabel': '界面语言',
  'layout.footerDemoNote': '平台中的示例机构、仪器、服务与资金信息均为演示数据，并已逐条标注“演示数据”。',
  'layout.footerRegion': '服务长株潭一体化创新区域：长沙 · 株洲 · 湘潭',

  'nav.home': '首页',
  'nav.status': '系统状态',

  'language.zh-CN': '简体中文',
  'language.en': 'English',

  'home.title': '一个平台，共享长株潭的创新资源',
  'home.intro':
    '长株潭创新资源共享平台把三市的科技资源和金融服务汇集在同一个可搜索的目录中，帮助科研人员、企业、投资机构和园区打破行政与数据壁垒，一网找到、一网预约、一网对接。',
  'home.resourcesTitle': '五类创新资源',
  'home.resource.instruments.title': '大型科学仪器',
  'home.resource.instruments.body': '按测量能力、所在位置和收费标准查找高校、院所和企业的大型仪器，查看空闲时段并在线预约。',
  'home.resource.literature.title': '科技文献',
  'home.resource.literature.body': '检索区域内共享的科技文献资源，了解馆藏所在机构与获取方式。',
  'home.resource.services.title': '专业技术服务',
  'home.resource.services.body': '查找检验检测、分析测试、设计研发等专业技术服务及其提供机构。',
  'home.resource.transfer.title': '技术转移',
  'home.resource.transfer.body': '浏览高校、院所和企业发布的可转让技术与成果，联系技术持有方。',
  'home.resource.financing.title': '金融服务',
  'home.resource.financing.body': '汇集基金、贷款、担保和政府扶持项目等融资信息，面向科技型企业提供对接。',
  'home.howTitle': '平台能做什么',
  'home.how.search.title': '统一检索',
  'home.how.search.body': '中英文双语搜索，输入“质谱”即可找到“质谱仪”，英文拼写有误也能找到结果。',
  'home.how.booking.title': '仪器预约',
  'home.how.booking.body': '选择空闲时段提交预约，由仪器所属机构审批；随时查看自己的预约并评价服务。',
  'home.how.matching.title': '供需对接',
  'home.how.matching.body': '根据企业画像推荐匹配的融资项目与技术成果，说明推荐理由，并跟踪每一次对接的进展。',
  'home.audienceTitle': '为谁服务',
  'home.audience.researchers': '科研人员与工程师：查找仪器、文献和技术服务，预约并评价。',
  'home.audience.firms': '企业（尤其是中小企业）：维护企业档案，获得匹配的融资与技术转移机会。',
  'home.audience.investors': '投资与金融机构：发布融资产品与条件，查看匹配企业，处理对接请求。',
  'home.audience.publishers': '园区与机构管理人员：发布和维护资源，审批仪器预约，了解资源使用情况。',
  'home.statusHint': '想确认平台各项服务是否正常？',
  'home.statusLink': '查看系统状态',

  'status.title': '系统状态',
  'status.intro': '平台后端及其依赖服务的实时健康状况，每 15 秒自动刷新。',
  'status.overall': '总体状态',
  'status.overallUp': '所有服务运行正常。',
  'status.overallDown': '部分服务不可用，相关功能可能受到影响。',
  'status.overallOther': '部分服务状态未知或已暂停。',
  'status.refresh': '立即刷新',
  'status.refreshing': '正在刷新…',
  'status.loading': '正在加载系统状态…',
  'status.lastChecked': '最后检查时间：{time}',
  'status.componentsTitle': '各项服务',
  'status.componentColumn': '服务',
  'status.statusColumn': '状态',
  'status.detailsColumn': '详情',
  'status.noComponents': '后端未报告任何组件的详细状态。',
  'status.noDetails': '—',
  'status.component.r2dbc': 'PostgreSQL',
  'status.component.db': 'PostgreSQL',
  'status.component.elasticsearch': 'Elasticsearch',
  'status.component.diskSpace': '磁盘空间',
  'status.component.ping': '连通性（Ping）',
  'status.component.livenessState': '存活状态',
  'status.component.readinessState': '就绪状态',

  'problem.status': 'HTTP 状态码：{status}',
  'problem.noResponse': '未收到服务器响应',
  'problem.instance': '请求标识：{instance}',
  'problem.fieldErrors': '请检查以下字段：',
  'problem.network.title': '无法连接服务器',
  'problem.network.detail': '请检查网络连接，或稍后重试。',
  'problem.http.title': '请求失败',
  'problem.http.detail': '服务器返回了错误（HTTP {status}）。',
  'problem.invalidResponse.title': '无法读取服务器响应',
  'problem.invalidResponse.detail': '服务器返回的内容不是有效的 JSON。',

  'notFound.title': '页面不存在',
  'notFound.body': '您访问的地址“{path}”没有对应的页面。',
  'notFound.back': '返回首页',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  'app.name': 'CZT Innovation Exchange',
  'app.nameAlt': '长株潭创新资源共享平台',
  'app.tagline': 'Sharing science, technology and financing resources across Changsha, Zhuzhou and Xiangtan',

  'layout.skipToContent': 'Skip to main content',
  'layout.homeLink': 'Go to the home page',
  'layout.primaryNav': 'Main navigation',
  'layout.menu': 'Menu',
  'layout.languageLabel': 'Language',
  'layout.footerDemoNote':
    'Sample institutions, instruments, services and funds on this platform are demo data, and each entry is labelled “demo data”.',
  'layout.footerRegion': 'Serving the integrated Changsha–Zhuzhou–Xiangtan innovation region',

  'nav.home': 'Home',
  'nav.status': 'Status',

  'language.zh-CN': '简体中文',
  'language.en': 'English',

  'home.title': 'One platform for the innovation resources of Changsha, Zhuzhou and Xiangtan',
  'home.intro':
    'CZT Innovation Exchange brings the science and technology resources and financing services of the three cities into one searchable catalogue, so that researchers, firms, investors and parks can find, book and connect in one place — across city and data boundaries.',
  'home.resourcesTitle': 'Five kinds of resources',
  'home.resource.instruments.title': 'Large scientific instruments',
  'home.resource.instruments.body':
    'Find instruments at universities, institutes and firms by what they measure, where they are and what they cost; see free time and book online.',
  'home.resource.literature.title': 'Sci-tech literature',
  'home.resource.literature.body':
    'Search the scientific and technical literature shared in the region and see which institution holds it and how to get it.',
  'home.resource.services.title': 'Technical services',
  'home.resource.services.body':
    'Find professional technical services — testing, analysis, design and R&D — and the institutions that offer them.',
  'home.resource.transfer.title': 'Technology transfer',
  'home.resource.transfer.body':
    'Browse technologies and research results offered for transfer by universities, institutes and firms, and contact their owners.',
  'home.resource.financing.title': 'Financing',
  'home.resource.financing.body':
    'Funds, loans, guarantees and government programmes in one place, matched with technology-based firms.',
  'home.howTitle': 'What you can do',
  'home.how.search.title': 'Search everything',
  'home.how.search.body':
    'Bilingual search: typing 质谱 finds 质谱仪 (mass spectrometer), and English search forgives a typo.',
  'home.how.booking.title': 'Book instruments',
  'home.how.booking.body':
    'Pick a free slot and request a booking; the owning institution approves it. See your bookings and rate the service.',
  'home.how.matching.title': 'Matchmaking',
  'home.how.matching.body':
    'Get financing entries and tech-transfer offerings ranked for your firm profile, with the reasons explained, and follow each match step by step.',
  'home.audienceTitle': 'Who it is for',
  'home.audience.researchers':
    'Researchers and engineers: find instruments, literature and technical services; book and rate them.',
  'home.audience.firms':
    'Firms, especially SMEs: keep a firm profile and get matching financing and technology-transfer opportunities.',
  'home.audience.investors':
    'Investors and financial institutions: publish financing entries and criteria, see matching firms, answer requests.',
  'home.audience.publishers':
    'Park managers and institution staff: publish and maintain offerings, approve bookings, see how offerings are used.',
  'home.statusHint': 'Want to check that the platform’s services are running?',
  'home.statusLink': 'See system status',

  'status.title': 'System status',
  'status.intro': 'Live health of the platform backend and the services it depends on, refreshed every 15 seconds.',
  'status.overall': 'Overall status',
  'status.overallUp': 'All services are running.',
  'status.overallDown': 'Some services are unavailable; related features may not work.',
  'status.overallOther': 'Some services are paused or in an unknown state.',
  'status.refresh': 'Refresh now',
  'status.refreshing': 'Refreshing…',
  'status.loading': 'Loading system status…',
  'status.lastChecked': 'Last checked: {time}',
  'status.componentsTitle': 'Services',
  'status.componentColumn': 'Service',
  'status.statusColumn': 'Status',
  'status.detailsColumn': 'Details',
  'status.noComponents': 'The backend reported no component details.',
  'status.noDetails': '—',
  'status.component.r2dbc': 'PostgreSQL',
  'status.component.db': 'PostgreSQL',
  'status.component.elasticsearch': 'Elasticsearch',
  'status.component.diskSpace': 'Disk space',
  'status.component.ping': 'Ping',
  'status.component.livenessState': 'Liveness',
  'status.component.readinessState': 'Readiness',

  'problem.status': 'HTTP status: {status}',
  'problem.noResponse': 'No response from the server',
  'problem.instance': 'Reference: {instance}',
  'problem.fieldErrors': 'Please check these fields:',
  'problem.network.title': 'Cannot reach the server',
  'problem.network.detail': 'Check your network connection or try again later.',
  'problem.http.title': 'Request failed',
  'problem.http.detail': 'The server answered with an error (HTTP {status}).',
  'problem.invalidResponse.title': 'Unreadable server response',
  'problem.invalidResponse.detail': 'The server did not answer with valid JSON.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at “{path}”.',
  'notFound.back': 'Back to the home page',
};

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type MessageParams = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key];
  if (!params) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/**
 * The language the UI currently shows, for code outside React (the API client uses it to
 * localize the problems it synthesizes). The `I18nProvider` keeps it up to date.
 */
let activeLocale: Locale = defaultLocale;

export function getActiveLocale(): Locale {
  return activeLocale;
}

export function setActiveLocale(locale: Locale): void {
  activeLocale = locale;
}
