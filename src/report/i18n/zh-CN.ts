/**
 * 报告的中文消息目录（简体，面向中国的数据分析师）。键与占位符与 `en.ts`
 * 完全相同（有测试检查）；中文没有单复数，`{name}` 直接写数字，量词写在
 * 文本里。术语沿用国内常用说法：最近消费（R）、消费频次（F）、消费金额（M），
 * 肘部法则、轮廓系数、主成分（PCA）。
 */
import type { MessageKey } from "./en.js";

export const ZH_CN: Record<MessageKey, string> = {
  "doc.eyebrow": "segwork 分析报告",
  "doc.contents": "目录",
  "doc.chart": "图表",
  "header.command": "命令",
  "header.source": "数据来源",
  "header.features": "特征",
  "header.rules": "规则",
  "header.generated": "生成时间",
  "header.generatedValue": "{time}，segwork {version}",
  footer: "由 segwork {version} 于 {time} 生成。本文件完全自包含，不从网络加载任何内容。",

  "title.summary": "概要",
  "title.data": "数据与清洗",
  "title.scaling": "标准化",
  "title.elbow": "肘部曲线",
  "title.quality": "各 k 值的质量指标",
  "title.recommendation": "推荐的 k 值",
  "title.silhouette": "各簇的轮廓系数",
  "title.pca": "主成分（PCA）散点图",
  "title.profiles": "簇画像",
  "title.sizes": "各簇规模",
  "title.profileTable": "画像明细表",
  "title.exampleIds": "示例客户编号",
  "title.transactions": "交易记录",
  "title.rfmScores": "RFM 评分",
  "title.rfmSegments": "RFM 客户分群",
  "title.rfmGrid": "最近消费 × 消费频次",
  "title.rfmLint": "分群规则检查",
  "title.thresholds": "阈值规则",
  "title.tiers": "客户等级",
  "title.abc": "ABC 分类",
  "title.clv": "客户终身价值（CLV）",
  "title.valueActivity": "价值 × 活跃度",
  "title.agreement": "规则分群与聚类对比",
  "title.comparisonRules": "用一条规则描述每个簇",
  "title.crosstab": "交叉表",
  "title.disagreements": "分歧客户",
  "title.valueSeparation": "价值区分度",

  "elbow.intro":
    "惯性（簇内平方距离之和）总会随 k 增大而下降；拐点（肘部）之后，再增加簇数收益不大。每个 k 用 k-means++ 初始化重复运行 {restarts} 次（随机种子 {seed}），保留惯性最小的一次。",
  "elbow.captionKnee": "虚线：拐点 k = {knee}（Kneedle 算法）。圆圈：推荐的 k = {recommended}。",
  "elbow.captionNoKnee": "曲线没有明显拐点，因此推荐主要依据轮廓系数。圆圈为推荐的 k。",
  "elbow.altKnee":
    "折线图：k 从 {first} 到 {last} 的惯性，由 {high} 降至 {low}，拐点在 k = {knee}，推荐 k = {recommended}。",
  "elbow.altNoKnee":
    "折线图：k 从 {first} 到 {last} 的惯性，由 {high} 降至 {low}，没有明显拐点；推荐 k = {recommended}。",

  "sizes.caption": "各簇的行数（共 {rows} 行）。",
  "sizes.alt":
    "条形图：{clusters} 个簇的行数，最大的是 {largest}，{size} 行（{share}），最小的是 {smallest}，{smallestSize} 行。",

  "overview.rows": "参与聚类的行数",
  "overview.features": "特征数",
  "overview.kSwept": "k 的扫描范围",
  "overview.restarts": "每个 k 重复 {restarts} 次",
  "overview.recommended": "推荐的 k",
  "overview.noKnee": "没有明显拐点",
  "overview.knee": "拐点 k = {knee}",
  "overview.clusters": "簇数",
  "overview.orderedBy": "按 {feature} 排序",
  "overview.silhouette": "平均轮廓系数",
  "overview.silhouetteRows": "基于 {rows} 行",
  "overview.largest": "最大簇占比",
  "overview.mismatchTitle": "本次聚类使用 k = {k}",
  "overview.mismatchBody": "扫描推荐 k = {recommended}；以下画像对应 k = {k}。",

  "facts.clients": "客户数",
  "facts.rfmSegments": "RFM 分群数",
  "facts.largest": "最大：{name}（{share}）",
  "facts.topTier": "最高等级占比",
  "facts.topTierDetail": "{name}，{count} 位客户",
  "facts.gini": "收入基尼系数",
  "facts.giniDetail": "{clients} 的客户贡献 {revenue} 的收入",
  "facts.agreement": "一致性（ARI）",
  "facts.versus": "{a} 与 {b}",
  "facts.ruleSegments": "规则分群",
  "facts.rowsKept": "保留行数",
  "facts.rowsRead": "共读取 {rows} 行",
  "facts.nothing": "没有可显示的结果。",

  "tiers.configStart": "评分卡配置：",
  "tiers.configEnd": "。",
  "tiers.byShare": "按目标占比分级：得分最高的客户先填满第一级的目标占比，依此类推。",
  "tiers.byScore": "按分数门槛分级：客户归入其得分达到门槛的最高等级。",
  "tiers.formulaStart": "得分 = 100 × (",
  "tiers.formulaEnd": ")，各特征先归一化到 0–1，1 为最好。",
  "tiers.histogramCaption": "每 2 分一个区间的客户数，按等级着色。虚线：各等级的起始分数。",
  "tiers.histogramCaptionShares":
    "每 2 分一个区间的客户数，按等级着色。虚线：各等级的起始分数（该等级中的最低得分）。",
  "tiers.histogramAlt":
    "直方图：评分卡得分（0 到 100）的分布，按 {tiers} 个等级着色，共 {clients} 位客户，最高等级{top}占 {topShare}。",
  "tiers.sharesCaptionTargets": "各等级的客户占比：实际（蓝色）与配置的目标（灰色）。",
  "tiers.sharesCaption": "各等级的客户占比。",
  "tiers.sharesAlt": "条形图：各等级的客户占比：{shares}。",
  "tiers.tier": "等级",
  "tiers.otherName": "英文名",
  "tiers.fromScore": "起始分数",
  "tiers.scores": "得分范围",
  "tiers.scoresHelp": "该等级中的最低分与最高分（向下取整）",
  "tiers.clients": "客户数",
  "tiers.actual": "实际占比",
  "tiers.target": "目标占比",
  "tiers.gap": "差距",
  "tiers.gapHelp": "实际占比减目标占比，单位为百分点",
  "tiers.points": "{sign}{points} 个百分点",

  "quality.intro":
    "从三个角度衡量簇的分离程度：轮廓系数（−1 到 1）和 Calinski–Harabasz 指数越大，簇越紧凑、分得越开；Davies–Bouldin 指数越小越好。每个子图的纵轴刻度各自独立。",
  "quality.caption": "虚线和圆圈：推荐的 k = {recommended}。轮廓系数基于 {rows} 行计算。",
  "quality.alt":
    "三幅随 k 变化的折线图：轮廓系数在 k = {bestSilhouette} 时最高（{silhouette}），Calinski–Harabasz 指数在 k = {bestCh} 时最高，Davies–Bouldin 指数在 k = {bestDb} 时最低；推荐 k = {recommended}。",

  "pca.intro":
    "标准化后的数据投影到前两个主成分上，按簇着色。PC1 和 PC2 分别解释了 {pc1} 和 {pc2} 的方差（合计 {together}）。",
  "pca.all": "显示全部 {rows} 行。",
  "pca.sample": "显示 {rows} 行中的 {shown} 行（固定随机种子抽样，每个簇都有代表）。",
  "pca.lowTitle": "该图展示的方差不到一半",
  "pca.lowBody": "在图上重叠的簇，在未展示的维度上可能是分开的；请以轮廓系数和簇画像为准。",
  "pca.alt":
    "散点图：{shown} 行数据在前两个主成分上的分布，按 {clusters} 个簇着色；两个主成分合计解释 {together} 的方差。",

  "silhouette.intro":
    "每个条形代表一行数据：它离本簇比离最近的其他簇近多少（1 = 归属明确，0 = 在边界上，小于 0 = 更接近其他簇）。“刀形”宽而均匀说明簇很稳固；负值尾巴长说明簇之间有重叠。",
  "silhouette.all": "全部 {rows} 行",
  "silhouette.sample": "{rows} 行中固定随机种子抽取的 {sample} 行",
  "silhouette.thinned": "图中绘制 {bars} 个条形（在每个簇内按分位数均匀抽取）。",
  "silhouette.caption": "{sample}的轮廓系数。{thinned}虚线：平均轮廓系数 {mean}。",
  "silhouette.alt":
    "轮廓系数刀形图，共 {clusters} 个簇：平均轮廓系数为 {mean}；最弱的簇是 {weakest}（均值 {weakestMean}，{weakestNegative} 的行为负值）。",
  "silhouette.cluster": "簇",
  "silhouette.rows": "样本行数",
  "silhouette.mean": "平均轮廓系数",
  "silhouette.negative": "负轮廓系数占比",
  "silhouette.negativeHelp": "离其他簇比离本簇更近的行所占比例",

  "rfm.measure.recency": "最近消费（天）",
  "rfm.measure.frequency": "消费频次（单）",
  "rfm.measure.monetary": "消费金额",
  "rfm.binning.rRfm": "每个指标按分位数切成 {bins} 档评分，与 R 语言 rfm 包（0.3.0）完全一致。",
  "rfm.binning.ntile": "每个指标按排名等分为 {bins} 组（ntile）。",
  "rfm.binning.mean":
    "每个指标优于平均值记 2 分，否则记 1 分（最近消费：距今少于平均的 {recency} 天；消费频次高于 {frequency}；消费金额高于 {monetary}）。",
  "rfm.binning.median":
    "每个指标优于中位数记 2 分，否则记 1 分（最近消费：距今少于中位数 {recency} 天；消费频次高于 {frequency}；消费金额高于 {monetary}）。",
  "rfm.binning.custom": "配置中给定的切分点按原样使用。",
  "rfm.binning.best": "{bins} 分最好：最近消费、消费最频繁、消费金额最高的客户。",
  "rfm.scores.caption": "各指标每个评分的客户数（共 {clients} 位客户）。",
  "rfm.scores.alt":
    "条形图：最近消费、消费频次和消费金额各评分（1 到 {bins}）的客户数（共 {clients} 位客户）；最常见的最近消费评分是 {topRecency} 分，{topRecencyCount} 位客户。",
  "rfm.scores.empty": "部分评分没有客户",
  "rfm.cuts.captionRRfm":
    "每个评分对应的取值。与 R 语言 rfm 包相同，区间左闭右开：恰好落在切分点上的值归入较高的区间。",
  "rfm.cuts.captionRank": "每个评分对应的取值：各排名分组中的最小值与最大值。",
  "rfm.cuts.captionCentre": "每个评分对应的取值：中心值两侧各自的最小值与最大值。",
  "rfm.cuts.score": "评分",
  "rfm.cuts.values": "取值",
  "rfm.cuts.clients": "客户数",
  "rfm.cuts.all": "全部",
  "rfm.cuts.below": "< {cut}",
  "rfm.cuts.from": "≥ {cut}",
  "rfm.cuts.between": "{low} 至 < {high}",

  "segments.intro": "共 {rules} 条分群规则，按顺序首条匹配生效；其中 {used} 条规则有客户。",
  "segments.largest": "最大的分群是“{name}”，占客户的 {share}。",
  "segments.caption": "按规则顺序列出各分群的客户数；“{unmatched}”（灰色）为未匹配任何规则的客户。",
  "segments.alt":
    "条形图：{segments} 个分群的客户数，最大的是“{name}”，{count} 位客户（{share}）；{unmatchedCount} 位客户未匹配任何规则。",
  "segments.tableCaption": "分群按规则顺序排列：客户归入第一个三项评分范围都满足的分群。",
  "segments.segment": "分群",
  "segments.scores": "评分范围",
  "segments.scoresHelp": "最近消费、消费频次、消费金额的评分范围（含端点）",
  "segments.description": "说明",
  "segments.strategy": "运营策略",
  "segments.owner": "负责团队",
  "segments.clients": "客户数",
  "segments.share": "占比",
  "segments.noRule": "未匹配任何规则",
  "segments.unmatchedDescription": "评分不在任何分群规则范围内的客户",
  // Seed sensitivity of a clustering (cluster report).
  "title.seeds": "重启次数与随机种子",
  "seeds.spread":
    "k = {k} 时，{restarts} 次 k-means++ 重启中有 {reached} 次达到最优惯量 {best}；最差的一次为 {worst}，比最优高 {spread}。",
  "seeds.agreement":
    "各次重启得到的聚类标签两两之间的调整兰德指数（ARI）平均为 {mean}（最低 {min}；1 表示除簇编号外完全相同）。",
  "seeds.verdictSingle": "只重启了一次，无法判断结果是否依赖随机种子：建议重启 10 次以上。",
  "seeds.verdictEnough": "最优解由 {reached} 次重启得到，再增加重启次数也不太可能找到更好的解。",
  "seeds.verdictMore":
    "只有一次重启得到最优解：增加重启次数可能找到更好的解（可试 {restarts} 次）。",
  "seeds.unstable":
    "各次重启得到的聚类差异较大（平均 ARI 低于 {threshold}）：聚类结果依赖随机种子，解读时需谨慎。",
  "seeds.restart": "重启",
  "seeds.inertia": "惯量",
  "seeds.overBest": "高于最优",
  "seeds.ariToKept": "与保留结果的 ARI",
  "seeds.caption": "每次重启的最终惯量；高亮行为保留的结果（惯量最低的第一次）。",

  // --- lcluster keys (one block per area keeps parallel branches from conflicting) ---
  // --- end lcluster ---

  // --- lrules keys (one block per area keeps parallel branches from conflicting) ---
  // 交易记录：清洗交易流水。
  "tx.step.missingId": "缺少客户编号",
  "tx.step.duplicate": "与另一行完全重复",
  "tx.step.amount": "金额为空或不是数字",
  "tx.step.price": "单价为零或负数",
  "tx.step.afterAsOf": "日期晚于统计截止日 {asOf}",
  "tx.step.cancellation": "取消订单或退货",
  "tx.step.floatId": "客户编号写成小数（如 123.0 → 123）",
  "tx.step.cancellationOnly": "只有取消记录的客户",
  "tx.step.noUsableLine": "没有可用记录的客户",
  "tx.unit.lines": "行",
  "tx.unit.clients": "位客户",
  "tx.effect.dropped": "剔除",
  "tx.effect.double": "视为重复导出，剔除",
  "tx.effect.ignored": "忽略",
  "tx.effect.netted": "从消费金额中冲减",
  "tx.effect.excluded": "不计入",
  "tx.effect.keptWhole": "按整数读取（保留）",
  "tx.linesRead": "读取行数",
  "tx.linesUsed": "使用行数",
  "tx.linesUsedDetail": "占读取行数的 {share}",
  "tx.clients": "客户数",
  "tx.asOf": "统计截止日",
  "tx.asOfGiven": "由参数指定",
  "tx.asOfLatest": "最后一笔交易 {date} 的次日",
  "tx.stepsCaption": "每条被剔除的记录只计一次，按下列顺序计入第一条剔除它的规则。",
  "tx.rule": "清洗规则",
  "tx.count": "数量",
  "tx.of": "单位",
  "tx.shareOfLines": "占读取行数",
  "tx.effect": "处理方式",
  "tx.intro":
    "读取 {source}。每行金额：{amount}；{frequency}。最近消费按统计截止日 {asOf} 之前的天数计算。",
  "tx.frequencyInvoice": "消费频次按不同的 {invoice} 计数",
  "tx.frequencyLines": "消费频次按行计数（没有订单号列）",
  "tx.datesGiven": "日期按指定格式 {format} 读取。",
  "tx.datesDetected": "识别出的日期格式及各格式的行数。{order}",
  "tx.slashOrder": "a/b/YYYY 形式的日期按{order}读取。",
  "tx.monthFirst": "月在前（美式）",
  "tx.dayFirst": "日在前",
  "tx.dateFormat": "日期格式",
  "tx.lines": "行数",
  "tx.cleaningRules": "清洗规则",
  "tx.dates": "日期",

  // RFM 评分图与说明。
  "rfm.panel.recency": "最近消费",
  "rfm.panel.frequency": "消费频次",
  "rfm.panel.monetary": "消费金额",
  "rfm.word.recency": "最近消费",
  "rfm.word.frequency": "消费频次",
  "rfm.word.monetary": "消费金额",
  "rfm.axis.score": "评分（{bins} 分最好）",
  "rfm.axis.clients": "客户数",
  "rfm.emptyScores.one":
    "{measure}：没有客户得到 {scores} 分：取值相同使切分点重合，该区间因此为空（与 R 语言 rfm 包一致）",
  "rfm.emptyScores.many":
    "{measure}：没有客户得到 {scores} 分：取值相同使切分点重合，这些区间因此为空（与 R 语言 rfm 包一致）",

  // 最近消费 × 消费频次网格。
  "grid.intro":
    "最近消费 × 消费频次每个格子里客户的平均消费金额：越往右上角（最近有消费、消费频繁），消费金额通常越高。空白格子没有客户。",
  "grid.caption": "每个格子：平均消费金额与客户数（n）。",
  "grid.axisFrequency": "消费频次评分（{bins} 分 = 订单最多）",
  "grid.axisRecency": "最近消费评分（{bins} 分 = 最近）",
  "grid.legendMean": "平均",
  "grid.legendMonetary": "消费金额{currency}",

  // 分群规则检查。
  "lint.status.ok": "正常",
  "lint.status.partly": "部分被覆盖",
  "lint.status.never": "永不匹配",
  "lint.status.empty": "范围为空",
  "lint.separator": "、",
  "lint.quoted": "“{name}”",
  "lint.rules": "规则数",
  "lint.neverMatch": "永不匹配",
  "lint.none": "无",
  "lint.partly": "部分被覆盖",
  "lint.partlyDetail": "部分评分格被前面的规则占用",
  "lint.uncovered": "未覆盖的评分格",
  "lint.uncoveredDetail": "共 {total} 个评分格",
  "lint.inUnmatched": "归入“{name}”",
  "lint.unmatchedDetail": "占客户的 {share}",
  "lint.deadTitle": "{count} 条分群规则永远不会匹配",
  "lint.deadBody.one":
    "{names}的所有评分格都被前面的规则占用。请把这条规则上移，或收窄前面的规则。",
  "lint.deadBody.many":
    "{names}的所有评分格都被前面的规则占用。请把这些规则上移，或收窄前面的规则。",
  "lint.tableCaption":
    "在 {bins}×{bins}×{bins} 评分网格的 {total} 个格子中：各规则范围内的格子数、按首条匹配归它的格子数，以及被前面规则占用的格子数。",
  "lint.rule": "规则",
  "lint.status": "状态",
  "lint.cells": "范围内格子",
  "lint.wins": "归属格子",
  "lint.lost": "被占比例",
  "lint.lostHelp": "该规则的格子中被前面规则占用的比例",
  "lint.takenBy": "被以下规则占用",
  "lint.allWin": "每条规则都拿到了其范围内的全部评分格。",
  "lint.uncoveredText":
    "{total} 个评分格中有 {cells} 个不匹配任何规则；落在这些格子里的客户归入“{name}”（{clients} 位客户）。这些格子按区域列出：",
  "lint.allCovered": "每个评分格都被某条规则覆盖，因此“{name}”中没有客户。",
  "lint.intro":
    "分群规则在所有评分组合上检查，而不只是在现有客户上：如果一条规则的格子全被前面的规则占用，无论数据如何它都不会匹配。",
  "lint.loseCells": "被占用格子的规则",
  "lint.uncoveredHeading": "未被任何规则覆盖的格子",

  // 规则类章节共用的图表标题。
  "chart.clients": "客户数",
  "chart.shareOfClients": "客户占比",

  // 阈值规则。
  "thr.matchesNobody": "“{name}”没有匹配到任何客户。",
  "thr.winsNobody": "“{name}”能匹配到客户，但这些客户总被前面的规则先分走。",
  "thr.problemsTitle.one": "{count} 条规则没有分到客户",
  "thr.problemsTitle.many": "{count} 条规则没有分到客户",
  "thr.noOverlap": "没有任何两条规则匹配同一位客户：此处规则的先后顺序不影响结果。",
  "thr.overlapCaption": "同时匹配部分客户的规则对；按首条匹配生效，这些客户归入排在前面的规则。",
  "thr.firstRule": "前一条规则",
  "thr.secondRule": "后一条规则",
  "thr.both": "同时匹配的客户数",
  "thr.rule": "规则",
  "thr.condition": "条件",
  "thr.description": "说明",
  "thr.matches": "匹配数",
  "thr.matchesHelp": "单看该条件能匹配的客户数，不考虑规则顺序",
  "thr.assigned": "归入数",
  "thr.assignedHelp": "按首条匹配归入的客户数",
  "thr.share": "占比",
  "thr.unmatchedDescription": "未匹配任何规则的客户",
  "thr.intro": "规则来自 {config}，按顺序逐条尝试；客户归入其满足的第一条规则。",
  "thr.caption": "按首条匹配统计的各规则客户数；灰色：未匹配任何规则的客户。",
  "thr.overlaps": "规则重叠",

  // 客户等级图表。
  "tiers.axisScore": "得分（0–100）",
  "tiers.seriesActual": "实际",
  "tiers.seriesTarget": "目标",

  // ABC 分类。
  "abc.gini": "基尼系数",
  "abc.giniDetail": "0 = 每位客户消费相同，1 = 全部收入来自一位客户",
  "abc.classA": "A 类客户",
  "abc.classADetail": "的客户贡献 {revenue} 的收入",
  "abc.revenue": "总收入",
  "abc.revenueDetail": "负值按 0 计",
  "abc.class": "类别",
  "abc.clients": "客户数",
  "abc.clientShare": "客户占比",
  "abc.revenueHeader": "收入{currency}",
  "abc.revenueShare": "收入占比",
  "abc.negative.one": "{count} 位客户的收入为负（合计 {total}）；计算 ABC 占比和基尼系数时按 0 计",
  "abc.negative.many": "{count} 位客户的收入为负（合计 {total}）；计算 ABC 占比和基尼系数时按 0 计",
  "abc.axisClients": "客户占比（按收入从低到高）",
  "abc.axisRevenue": "累计收入占比",
  "abc.labelClass": "{name} 类",
  "abc.labelClients": "客户占 {share}",
  "abc.labelRevenue": "收入占 {share}",
  "abc.intro": "按收入给客户排序：A 类是贡献前一部分收入的头部客户，B 类次之，C 类为其余客户。",
  "abc.caption":
    "洛伦兹曲线：客户按收入从低到高排列，纵轴为累计收入占比。虚线对角线：人人相同。阴影面积为基尼系数（{gini}）的一半。红线：C 类结束、A 类开始的位置。",

  // 价值 × 活跃度。
  "va.valueName": "消费金额",
  "va.axisHigh": "高{value}（≥ {cut}）",
  "va.axisLow": "低{value}（< {cut}）",
  "va.axisActive": "活跃（{days} 天内有购买）",
  "va.axisInactive": "不活跃（超过 {days} 天）",
  "va.cell": "{count} 位客户 · {share}",
  "va.intro":
    "按价值（{value} ≥ {valueCut} 为高价值）和活跃度（最近 {activityCut} 天内有购买为活跃）划分客户。",
  "va.caption": "颜色越深的象限客户越多。",
  "va.quadrant": "象限",
  "va.value": "价值",
  "va.activity": "活跃度",
  "va.share": "占比",
  "va.high": "高",
  "va.low": "低",
  "va.active": "活跃",
  "va.inactive": "不活跃",

  // 规则分群与聚类对比：一致性。
  "cmp.kmeansName": "K-Means 聚类（k = {k}）",
  "cmp.level.same": "的分组几乎相同",
  "cmp.level.largely": "大体一致",
  "cmp.level.partly": "部分重合",
  "cmp.level.little": "只有少量一致",
  "cmp.level.unrelated": "几乎没有关联（一致程度与随机相当）",
  "cmp.finer.b":
    "{b}分得更细：它的分群大多落在{a}的某一个组内（同质性 {h}），而{a}的组分散在其中好几个分群里（完整性 {c}）。",
  "cmp.finer.a":
    "{a}分得更细：它的组大多落在{b}的某一个分群内（完整性 {c}），而{b}的分群分散在其中好几个组里（同质性 {h}）。",
  "cmp.finer.neither": "两者没有明显的粗细之分（同质性 {h}，完整性 {c}）。",
  "cmp.reading": "{a}与{b}{level}（ARI {ari}）。{finer}",
  "cmp.examples": "（如 {ids}）",
  "cmp.onlyOneSide": "{count} 位客户只在{side}中、不在{other}中{examples}，不参与任何指标的计算。",
  "cmp.missingClients": "{count} 位客户在客户表中没有对应行（如 {ids}），其特征按缺失处理。",
  "cmp.ariDetail": "1 = 分组相同，0 = 随机水平",
  "cmp.nmiDetail": "取值 0 到 1",
  "cmp.homogeneity": "同质性",
  "cmp.homogeneityDetail": "B 的每个分群都落在 A 的一个组内",
  "cmp.completeness": "完整性",
  "cmp.completenessDetail": "A 的每个组都落在 B 的一个分群内",
  "cmp.vMeasure": "V 值（V-measure）",
  "cmp.vDetail": "两者的调和平均",
  "cmp.intro":
    "{a}（A 方，{totalA} 位客户）与{b}（B 方，{totalB} 位客户）按客户编号匹配：两边都有的客户共 {n} 位。指标的计算方式与 scikit-learn 相同：ARI 和 NMI 衡量整体一致程度；同质性和完整性说明哪一方分得更细。",
  "cmp.inShort": "要点",

  // 对比：交叉表与分歧客户。
  "cmp.legendShare1": "占该行",
  "cmp.legendShare2": "的比例",
  "cmp.aToBCaption": "{a}的每个组主要落在{b}的哪个分群。",
  "cmp.bToACaption": "{b}的每个分群主要来自{a}的哪个组。",
  "cmp.mainSegment": "在{b}中的主要分群",
  "cmp.mainGroup": "在{a}中的主要组",
  "cmp.purity": "纯度",
  "cmp.purityHelp": "该组落在其主要分群中的比例",
  "cmp.crosstabIntro":
    "按{a}（行）和{b}（列）统计客户数。颜色和百分比表示占该行的比例，因此每一行显示该组客户的去向。",
  "cmp.crosstabCaption": "每个格子：客户数及占该行的比例。共 {total} 位客户。",
  "cmp.disagreeCaption": "不在本组主要分群中的最大几组客户",
  "cmp.disagreeRest": "；另有 {rest} 个较小的格子未列出。",
  "cmp.disagreeEnd": "。",
  "cmp.idsMasked": "客户编号已脱敏（只显示首尾字符）。",
  "cmp.inB": "在{b}中",
  "cmp.insteadOf": "而不是",
  "cmp.shareOfGroup": "占本组比例",
  "cmp.exampleIds": "示例客户编号",
  "cmp.noDisagreement": "{a}的每个组都完全落在{b}的一个分群内。",
  "cmp.disagreeIntro":
    "{total} 位客户（{share}）不在本组的主要分群中。主要分群指{b}中容纳其所在{a}组客户最多的分群。",

  // 对比：用一条规则描述每个簇。
  "cmp.everyClient": "全部客户",
  "cmp.and": " 且 ",
  "cmp.weak": "较弱",
  "cmp.weakNote": "决策树中没有哪个分支以该簇客户为主：这条规则只能作粗略参考。",
  "cmp.catches":
    "覆盖该簇 {size} 位客户中的 {caught} 位；规则选出的 {matched} 位客户中有 {others} 位来自其他簇。",
  "cmp.clientCount": "{count} 位客户",
  "cmp.fidelity": "保真度",
  "cmp.fidelityHelp": "该簇客户中被规则选中的比例",
  "cmp.precision": "精确率",
  "cmp.precisionHelp": "规则选中的客户中确实属于该簇的比例",
  "cmp.coverage": "覆盖率",
  "cmp.coverageHelp": "全部客户中被规则选中的比例",
  "cmp.rulesIntro":
    "在原始特征上训练一棵浅层决策树，用最多三个条件描述每个簇，可直接用于 SQL 或表格筛选，并给出这一描述的可信程度。",
  "cmp.together": "合计 {share} 的客户被其所在簇的规则选中",
  "cmp.togetherEnd": "。",
  "cmp.weakOne": "；其中 {weak} 条规则较弱。",
  "cmp.weakMany": "；其中 {weak} 条规则较弱。",
  "cmp.rulesTitle": "用简单条件描述{a}",
  "cmp.sideA": "A 方",
  "cmp.rulesLegend":
    "保真度：该簇客户中被规则选中的比例。精确率：规则选中的客户中确实属于该簇的比例。覆盖率：全部客户中被规则选中的比例。阈值取能同样划分数据的最整的数。",

  // 对比：价值区分度。
  "cmp.separationTie":
    "{a}与{b}对价值的区分程度相当：收入的组间基尼系数分别为 {giniA} 和 {giniB}（相差 {gap}）。",
  "cmp.separationVerdict":
    "{better}比{other}更能区分客户价值：其收入的组间基尼系数为 {giniBetter}，对方为 {giniOther}；其价值最高的分群（{top}）以 {clients} 的客户贡献了 {revenue} 的收入。",
  "cmp.shareOfRevenue": "收入占比",
  "cmp.giniSubtitle": "组间基尼系数 {gini}",
  "cmp.missingRevenue": "{count} 位客户没有收入数据，未计入。",
  "cmp.separationTitle": "哪种方案更能区分价值",
  "cmp.separationIntro":
    "每个分群的客户占比（灰色）与收入占比（红色）对比：收入占比远高于客户占比的分群集中了价值。组间基尼系数是把每位客户的收入替换为其所在分群的平均收入后计算的基尼系数，越高说明该方案越能区分价值。",
  "cmp.separationCaption": "共 {clients} 位客户，总收入 {revenue}。",
  "cmp.scheme": "方案",
  "cmp.segments": "分群数",
  "cmp.betweenGini": "组间基尼系数",
  "cmp.topSegment": "价值最高的分群",
  "cmp.itsClients": "其客户占比",
  "cmp.itsRevenue": "其收入占比",
  "cmp.meanRevenue": "人均收入",
  // --- end lrules ---

  // --- lperiods keys (one block per area keeps parallel branches from conflicting) ---
  // --- end lperiods ---

  // --- kviews keys (one block per area keeps parallel branches from conflicting) ---
  // --- end kviews ---

  // --- a11y keys (one block per area keeps parallel branches from conflicting) ---
  // --- end a11y ---

  // --- vote keys (one block per area keeps parallel branches from conflicting) ---
  // --- end vote ---
};
