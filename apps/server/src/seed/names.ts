/**
 * Word lists for the demo data: Zhuzhou/Hunan-style company names, person names and the
 * industries of 株洲高新区 ("3+3+2" system: rail transit, aviation, new-energy vehicles / auto
 * parts, hard alloys and new materials, electronics (IGBT), biomedicine, software, tech services),
 * each mapped to a GB/T 4754-2017 section. All names produced from these lists are fictitious.
 */
import type { IndustrySection } from '@yqt/contracts';

export type IndustryKey =
  | 'rail'
  | 'hardAlloy'
  | 'auto'
  | 'aviation'
  | 'electronics'
  | 'newMaterials'
  | 'equipment'
  | 'newEnergy'
  | 'bio'
  | 'software'
  | 'techService'
  | 'business'
  | 'finance'
  | 'trade'
  | 'logistics'
  | 'construction'
  | 'catering'
  | 'education'
  | 'culture';

export type Industry = {
  key: IndustryKey;
  /** GB/T 4754-2017 section letter */
  section: IndustrySection;
  /** Industry words that go into a company name after the 字号. */
  nameWords: readonly string[];
  /** Finer description stored as industryDetail (GB/T 4754 class-level wording). */
  details: readonly string[];
  /** Extra business-scope phrases. */
  scope: readonly string[];
  /** Short form used in short names (鼎瑞轨交). */
  short: string;
};

export const industries: Record<IndustryKey, Industry> = {
  rail: {
    key: 'rail',
    section: 'C',
    nameWords: ['轨道交通装备', '轨道交通科技', '电力机车配件', '轨道装备', '机车车辆部件', '牵引电气', '轨道交通电气'],
    details: ['铁路机车车辆配件制造', '城市轨道交通设备制造', '高铁设备、配件制造', '轨道交通牵引变流系统研发制造', '磁浮列车关键部件制造'],
    scope: ['轨道交通车辆零部件检修', '城轨车辆控制实训设备研发', '非标定制设备设计'],
    short: '轨交',
  },
  hardAlloy: {
    key: 'hardAlloy',
    section: 'C',
    nameWords: ['硬质合金', '钨钼材料', '超硬刀具', '精密工具', '粉末冶金', '硬质材料'],
    details: ['硬质合金制品制造', '有色金属合金制造', '切削工具制造', '粉末冶金制品制造', '钨钼冶炼及深加工'],
    scope: ['数控刀片研发与销售', '耐磨零件加工', '金属粉末销售'],
    short: '合金',
  },
  auto: {
    key: 'auto',
    section: 'C',
    nameWords: ['汽车零部件', '汽车配件', '汽车电子', '动力总成', '新能源汽车部件', '车桥'],
    details: ['汽车零部件及配件制造', '新能源汽车电机及控制器制造', '汽车车身、挂车制造', '汽车用发动机零部件制造'],
    scope: ['汽车线束加工', '冲压件、焊接件加工', '汽车零配件批发'],
    short: '汽配',
  },
  aviation: {
    key: 'aviation',
    section: 'C',
    nameWords: ['航空科技', '航空动力', '航空部件', '通用航空装备', '航空精密制造'],
    details: ['航空发动机零部件制造', '航空相关设备制造', '无人驾驶航空器制造', '飞机发动机叶片精密加工'],
    scope: ['航空零部件表面处理', '民用无人机研发', '航空器材维修'],
    short: '航空',
  },
  electronics: {
    key: 'electronics',
    section: 'C',
    nameWords: ['电子科技', '半导体', '微电子', '电气', '功率器件', '光电科技', '电子信息'],
    details: [
      '电力电子元器件制造（IGBT模块）',
      '半导体分立器件制造',
      '电子元件及电子专用材料制造',
      '光纤陀螺及惯性导航器件制造',
      '覆铜板及封装基板制造',
    ],
    scope: ['电子产品研发与销售', '集成电路设计', '电子元器件检测'],
    short: '电子',
  },
  newMaterials: {
    key: 'newMaterials',
    section: 'C',
    nameWords: ['新材料', '高分子材料', '特种陶瓷', '复合材料', '功能材料', '先进材料'],
    details: ['高性能膜材料（PI膜）制造', '特种功能靶材制造', '先进陶瓷材料制造', '碳纤维复合材料制造', '石墨及碳素制品制造'],
    scope: ['新材料技术推广服务', '塑料制品销售', '化工产品销售（不含危险化学品）'],
    short: '材料',
  },
  equipment: {
    key: 'equipment',
    section: 'C',
    nameWords: ['机械', '精密机械', '智能装备', '自动化设备', '模具', '机电设备', '重工'],
    details: ['通用设备制造', '专用设备制造', '金属结构制造', '模具制造', '工业自动控制系统装置制造', '工业机器人制造'],
    scope: ['机械设备租赁', '五金产品加工', '机电设备安装与维修'],
    short: '装备',
  },
  newEnergy: {
    key: 'newEnergy',
    section: 'C',
    nameWords: ['新能源', '储能科技', '锂电科技', '电池'],
    details: ['锂离子电池制造', '储能装置制造', '电机制造', '输配电及控制设备制造'],
    scope: ['新能源技术研发', '充电桩销售', '电池回收（不含危险废物经营）'],
    short: '能源',
  },
  bio: {
    key: 'bio',
    section: 'C',
    nameWords: ['生物科技', '医药', '生物医药', '医疗器械', '制药'],
    details: ['化学药品制剂制造', '生物药品制造', '医疗诊断、监护及治疗设备制造', '中药饮片加工', '卫生材料及医药用品制造'],
    scope: ['医疗器械销售', '保健食品销售', '生物技术推广服务'],
    short: '生物',
  },
  software: {
    key: 'software',
    section: 'I',
    nameWords: ['软件', '信息技术', '网络科技', '数据科技', '智能科技', '数字科技'],
    details: ['应用软件开发', '信息系统集成服务', '数据处理和存储支持服务', '工业互联网平台服务', '信息技术咨询服务'],
    scope: ['计算机软硬件销售', '网络技术服务', '人工智能应用软件开发'],
    short: '软件',
  },
  techService: {
    key: 'techService',
    section: 'M',
    nameWords: ['检测技术', '工程技术', '科技服务', '技术咨询', '知识产权', '工业设计', '研究院'],
    details: ['工程和技术研究和试验发展', '检验检测服务', '科技中介服务', '知识产权服务', '工业设计服务', '技术推广服务'],
    scope: ['技术开发、技术转让', '计量服务', '标准化服务'],
    short: '科技',
  },
  business: {
    key: 'business',
    section: 'L',
    nameWords: ['企业管理咨询', '人力资源', '商务服务', '供应链管理', '会展服务'],
    details: ['企业管理咨询', '人力资源服务', '会议、展览及相关服务', '园区管理服务'],
    scope: ['劳务派遣服务', '商务信息咨询', '企业形象策划'],
    short: '咨询',
  },
  finance: {
    key: 'finance',
    section: 'J',
    nameWords: ['创业投资', '融资担保', '私募股权基金管理', '金融信息服务'],
    details: ['创业投资基金', '融资担保服务', '金融信息服务', '私募股权投资基金管理'],
    scope: ['以自有资金从事投资活动', '股权投资'],
    short: '投资',
  },
  trade: {
    key: 'trade',
    section: 'F',
    nameWords: ['贸易', '商贸', '进出口', '物资'],
    details: ['机械设备批发', '五金产品批发', '电子产品批发', '金属及金属矿批发'],
    scope: ['货物进出口', '建筑材料销售', '办公用品销售'],
    short: '商贸',
  },
  logistics: {
    key: 'logistics',
    section: 'G',
    nameWords: ['物流', '运输', '仓储'],
    details: ['道路货物运输', '装卸搬运和仓储', '多式联运和运输代理'],
    scope: ['普通货物仓储服务', '国内货物运输代理'],
    short: '物流',
  },
  construction: {
    key: 'construction',
    section: 'E',
    nameWords: ['建设工程', '安装工程', '机电安装', '装饰工程'],
    details: ['建筑安装业', '电气安装', '建筑装饰和装修业'],
    scope: ['建设工程施工', '消防设施工程'],
    short: '建设',
  },
  catering: {
    key: 'catering',
    section: 'H',
    nameWords: ['餐饮管理', '膳食管理'],
    details: ['单位食堂及团体膳食服务', '正餐服务'],
    scope: ['食品销售', '餐饮服务'],
    short: '餐饮',
  },
  education: {
    key: 'education',
    section: 'P',
    nameWords: ['职业培训', '教育科技'],
    details: ['职业技能培训', '技术经纪人培训'],
    scope: ['教育咨询服务（不含涉许可审批的教育培训活动）'],
    short: '教育',
  },
  culture: {
    key: 'culture',
    section: 'R',
    nameWords: ['文化传媒', '文化创意'],
    details: ['广告与文化传播', '数字内容服务'],
    scope: ['广告设计、代理', '组织文化艺术交流活动'],
    short: '文化',
  },
};

/** The industry mix of each park (weights), in park order P01..P10. Manufacturing (C) dominates. */
export const parkIndustryMix: readonly (readonly (readonly [IndustryKey, number])[])[] = [
  // 动力谷自主创新园: rail transit, IGBT, aviation, plus software and services
  [['rail', 30], ['electronics', 16], ['aviation', 8], ['equipment', 10], ['newMaterials', 6], ['software', 10], ['techService', 8], ['business', 4], ['trade', 3], ['finance', 1], ['catering', 1], ['education', 1], ['culture', 2]],
  // 天易科技城: new materials, auto parts, equipment
  [['newMaterials', 16], ['auto', 14], ['equipment', 18], ['electronics', 10], ['newEnergy', 8], ['bio', 6], ['rail', 6], ['software', 6], ['techService', 6], ['trade', 4], ['logistics', 3], ['construction', 3]],
  // 汽配园
  [['auto', 55], ['equipment', 15], ['newEnergy', 8], ['trade', 8], ['logistics', 6], ['techService', 4], ['construction', 4]],
  // 中小企业促进园
  [['equipment', 25], ['auto', 10], ['newMaterials', 10], ['electronics', 10], ['trade', 12], ['software', 8], ['techService', 8], ['business', 7], ['construction', 5], ['logistics', 5]],
  // 硬质合金园
  [['hardAlloy', 60], ['newMaterials', 15], ['equipment', 12], ['trade', 6], ['techService', 7]],
  // 天台金谷: offices — finance, software, services
  [['software', 22], ['techService', 18], ['finance', 14], ['business', 18], ['trade', 10], ['culture', 6], ['education', 6], ['construction', 6]],
  // 留学生创业园
  [['software', 25], ['bio', 20], ['electronics', 18], ['techService', 20], ['newMaterials', 10], ['business', 7]],
  // 科创园
  [['software', 22], ['electronics', 22], ['techService', 20], ['equipment', 12], ['bio', 8], ['newMaterials', 8], ['education', 4], ['business', 4]],
  // 部件园
  [['rail', 35], ['auto', 20], ['aviation', 15], ['equipment', 20], ['trade', 5], ['logistics', 5]],
  // 新马动力创新园
  [['rail', 25], ['aviation', 15], ['newEnergy', 15], ['electronics', 15], ['equipment', 10], ['software', 10], ['techService', 10]],
];

/** Characters for 字号 (trade names); two are combined. */
export const tradeNameFirst = [
  '中', '华', '创', '鼎', '瑞', '恒', '信', '达', '联', '优', '博', '诚', '汇', '宏', '天', '长', '湘', '新', '金', '正',
  '精', '卓', '航', '九', '众', '泰', '德', '海', '星', '隆', '嘉', '凯', '永', '明', '立', '百', '普', '国', '安', '盛',
  '思', '智', '科', '同', '远', '荣', '铭', '弘', '致', '时',
] as const;
export const tradeNameSecond = [
  '鑫', '源', '通', '力', '达', '兴', '盛', '成', '丰', '泰', '宇', '晟', '邦', '锐', '远', '辉', '航', '科', '韵', '驰',
  '特', '威', '捷', '峰', '腾', '阳', '川', '亿', '拓', '元', '诺', '谷', '信', '凌', '合', '格', '维', '晖', '为', '升',
  '衡', '菱', '驱', '朗', '创', '德', '铖', '森', '弗', '能',
] as const;

/** Hunan-weighted surnames (刘、李、陈、王、张、周、罗、彭、谭、唐… plus a few compound ones). */
export const surnames: readonly (readonly [string, number])[] = [
  ['刘', 9], ['李', 9], ['陈', 8], ['王', 8], ['张', 7], ['周', 6], ['罗', 5], ['彭', 5], ['谭', 5], ['唐', 5],
  ['曾', 4], ['易', 4], ['邓', 4], ['黄', 5], ['胡', 4], ['何', 4], ['文', 3], ['贺', 3], ['龙', 3], ['杨', 4],
  ['吴', 4], ['赵', 3], ['肖', 3], ['谢', 3], ['蒋', 3], ['廖', 3], ['朱', 3], ['许', 2], ['袁', 2], ['邹', 2],
  ['颜', 2], ['钟', 2], ['郭', 2], ['汤', 2], ['匡', 1], ['阳', 1], ['晏', 1], ['宋', 2], ['夏', 1], ['蔡', 2],
  ['欧阳', 1], ['司马', 0.2],
];

export const givenNameChars = {
  male: ['伟', '勇', '军', '强', '杰', '涛', '斌', '超', '明', '华', '俊', '鹏', '辉', '磊', '浩', '宇', '峰', '亮', '志', '建', '国', '文', '平', '湘', '卫', '海', '剑', '波', '林', '彬', '旭', '凯', '昊', '子', '一', '睿', '博', '晨'],
  female: ['丽', '敏', '静', '娟', '芳', '婷', '霞', '琴', '燕', '艳', '玲', '慧', '颖', '洁', '蓉', '倩', '雪', '佳', '梦', '欣', '怡', '晓', '思', '雅', '琳', '莉', '湘', '丹', '璐', '萍', '红', '芸'],
} as const;

export const contactTitles = ['总经理', '行政经理', '办公室主任', '财务经理', '人事经理', '董事长助理', '行政专员', '副总经理', '综合部部长'] as const;

/** Zhuzhou division codes (GB/T 2260) used in credit codes; 天元区 = 株洲高新区's registration authority. */
export const divisionCodes = {
  tianyuan: '430211',
  lusong: '430203',
  shifeng: '430204',
  hetang: '430202',
  city: '430200',
} as const;

/** Road names near the parks (天元区 / 芦淞区), for enterprise addresses. */
export const roadsTianyuan = ['黄河北路', '珠江北路', '长江南路', '株洲大道', '栗雨工业园新马路', '泰山路', '炎帝大道', '天易大道', '仙月环路', '湘芸路'] as const;
export const roadsLusong = ['董家塅高科园路', '南环线', '湘芸中路', '建设南路'] as const;
